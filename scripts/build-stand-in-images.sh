#!/usr/bin/env bash
# Builds the stand-in container images the container tests run on where no image registry can be reached, from what
# the package registries serve: Debian's packages (debootstrap), the Keycloak distribution zip and GreenMail from
# Maven Central. They are not the official images; docs/ops-guide.md ("Images proven here") says what differs.
#
#   spr-standin/keycloak:<keycloak.version>   Debian bookworm + OpenJDK 17 + the official distribution zip, laid out
#                                             like quay.io/keycloak/keycloak (/opt/keycloak, uid 1000, gid 0, kc.sh)
#   spr-standin/postgres:15                   Debian's PostgreSQL 15 with an entrypoint for POSTGRES_DB/USER/PASSWORD
#   spr-standin/mailpit:v1.21.8-subset        an SMTP inbox with the part of Mailpit v1.21.8's interface that the
#                                             compose demo overlay and the tests use (scripts/stand-in-images/mailpit)
#
# Cached: each image carries a label with a hash of its inputs (this script, its folder under stand-in-images/, the
# Keycloak version, the Debian packages) and is skipped when an image with that label exists; the debootstrap root
# file systems and the distribution are kept in ${XDG_CACHE_HOME:-~/.cache}/spr-email-code/.
# Prints on stdout (everything else goes to stderr) the environment the container tests need with these images:
# KEYCLOAK_IMAGE, POSTGRES_IMAGE, MAILPIT_IMAGE (as docker-compose*.yml, the Dockerfile's build and the tests read
# them) and Testcontainers' switches for its own images; `export $(scripts/build-stand-in-images.sh)` sets them.
#
# Needs a running Docker engine, Maven, Java and unzip; debootstrap needs root (or sudo) on the first run.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CONTEXTS="$ROOT/scripts/stand-in-images"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/spr-email-code"
SUITE=bookworm
LABEL=io.github.spr.stand-in.inputs
KEYCLOAK_VERSION="$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' "$ROOT/pom.xml" | head -n 1)"
[ -n "$KEYCLOAK_VERSION" ] || { echo "keycloak.version not found in $ROOT/pom.xml" >&2; exit 1; }

KEYCLOAK_REPOSITORY=spr-standin/keycloak
POSTGRES_IMAGE=spr-standin/postgres:15
MAILPIT_IMAGE=spr-standin/mailpit:v1.21.8-subset

log() { echo "stand-in images: $*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "build-stand-in-images.sh needs root or sudo to run: $* (debootstrap makes the Debian root file systems)" >&2
    exit 1
  fi
}

# The legacy builder: Debian's docker.io has no BuildKit, and the docker CLI's own BuildKit needs the buildx plugin.
export DOCKER_BUILDKIT=0

if ! engine="$(docker info --format '{{.ServerVersion}}' 2>&1)"; then
  echo "build-stand-in-images.sh needs a running Docker engine it may use: docker info says: $(printf '%s\n' "$engine" | grep -v '^$' | head -n 1)" >&2
  echo "(start one as root: dockerd >/tmp/dockerd.log 2>&1 & ; as another user, that user needs root, sudo or the docker group)" >&2
  exit 1
fi
for tool in mvn unzip sha256sum; do
  command -v "$tool" >/dev/null || { echo "build-stand-in-images.sh needs $tool" >&2; exit 1; }
done
mkdir -p "$CACHE"

# The Debian mirror apt uses here (debootstrap takes packages from the same place); DEBIAN_MIRROR overrides it.
debian_mirror() {
  if [ -n "${DEBIAN_MIRROR:-}" ]; then echo "$DEBIAN_MIRROR"; return; fi
  local found
  found="$(awk -v suite="$SUITE" '
    /^URIs:/ { uri = $2 } /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == suite && uri != "") { print uri; exit } }
    /^deb / { for (i = 3; i <= NF; i++) if ($i == suite) { print ($2 ~ /^\[/ ? $3 : $2); exit } }
  ' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null | head -n 1)"
  echo "${found:-http://deb.debian.org/debian}"
}
MIRROR="$(debian_mirror)"

# Quiet Maven on stderr, without the colour resets Maven 3.8 prints even in batch mode.
maven() { mvn -B -q "$@" 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >&2; }

hash_of() { sha256sum | cut -c1-16; }

# The hash of everything an image is made from: this script, the files of its folder, and any extra words.
inputs_hash() {
  local dir="$1"; shift
  { cat "$0"; printf '%s\n' "$@"; (cd "$dir" && find . -path ./target -prune -o -type f -print | LC_ALL=C sort | xargs cat); } | hash_of
}

image_id() { docker image inspect --format '{{.Id}}' "$1" 2>/dev/null || true; }

# The image a rebuild replaced, once nothing refers to it any more (no tag, no child image).
drop_if_untagged() {
  if [ -n "$1" ] && [ "$(docker image inspect --format '{{len .RepoTags}}' "$1" 2>/dev/null)" = 0 ]; then
    docker rmi "$1" >/dev/null 2>&1 || true
  fi
}

label_of() { docker image inspect --format "{{ index .Config.Labels \"$LABEL\" }}" "$1" 2>/dev/null || true; }

# A Debian root file system with the given packages, imported as an image; the tarball is kept in the cache.
base_image() {
  local name="$1" packages="$2" hash tarball dir
  hash="$({ declare -f base_image; printf '%s\n' "$SUITE" "$MIRROR" "$packages"; } | hash_of)"
  if [ "$(label_of "$name")" = "$hash" ]; then log "$name is up to date"; return; fi
  local slug="${name#*/}"; slug="${slug%%:*}"
  tarball="$CACHE/rootfs-$slug-$hash.tar"
  if [ ! -s "$tarball" ]; then
    command -v debootstrap >/dev/null || [ -x /usr/sbin/debootstrap ] || { echo "build-stand-in-images.sh needs debootstrap (apt-get install debootstrap)" >&2; exit 1; }
    dir="$(mktemp -d "$CACHE/rootfs-XXXXXX")"
    log "debootstrap $SUITE with $packages from $MIRROR (about a minute)"
    as_root env PATH="/usr/sbin:/sbin:$PATH" debootstrap --variant=minbase --include="$packages" "$SUITE" "$dir" "$MIRROR" >"$CACHE/debootstrap-$slug.log" 2>&1 \
      || { echo "debootstrap failed; see $CACHE/debootstrap-$slug.log" >&2; as_root rm -rf "$dir"; exit 1; }
    rm -f "$CACHE/debootstrap-$slug.log"
    # Downloaded packages and package lists are not part of an image; the cluster PostgreSQL's packaging creates
    # on installation is not used (the entrypoint makes its own in /var/lib/postgresql/data).
    as_root sh -c "rm -rf '$dir'/var/cache/apt/archives/*.deb '$dir'/var/lib/apt/lists/* '$dir'/etc/postgresql/*/main '$dir'/var/lib/postgresql/*/main"
    as_root tar -C "$dir" --numeric-owner -cf - . >"$tarball.part"
    mv "$tarball.part" "$tarball"
    as_root rm -rf "$dir"
    # A root file system made from an older recipe is never used again.
    find "$CACHE" -maxdepth 1 -name "rootfs-$slug-*.tar" ! -path "$tarball" -delete
  fi
  log "importing $name from $tarball"
  local previous; previous="$(image_id "$name")"
  docker import -c "LABEL $LABEL=$hash" "$tarball" "$name" >/dev/null
  drop_if_untagged "$previous"
}

# docker build of one of the folders under stand-in-images/, skipped when the image was built from the same inputs.
standin_image() {
  local name="$1" context="$2" dockerfile="$3" hash="$4"; shift 4
  if [ "$(label_of "$name")" = "$hash" ]; then log "$name is up to date"; return; fi
  log "building $name"
  local previous; previous="$(image_id "$name")"
  docker build --force-rm --label "$LABEL=$hash" -f "$dockerfile" -t "$name" "$@" "$context" >&2
  drop_if_untagged "$previous"
}

# Bases: one with Java for Keycloak and the mail catcher, one with PostgreSQL.
JRE_BASE=spr-standin/debian-jre:$SUITE
PG_BASE=spr-standin/debian-postgresql:$SUITE
base_image "$JRE_BASE" openjdk-17-jre-headless,bash
base_image "$PG_BASE" postgresql-15,bash

# Keycloak: the official distribution zip of keycloak.version from Maven Central, unpacked once into the cache.
keycloak_hash="$(inputs_hash "$CONTEXTS/keycloak" "$KEYCLOAK_VERSION" "$(label_of "$JRE_BASE")")"
if [ "$(label_of "$KEYCLOAK_REPOSITORY:$KEYCLOAK_VERSION")" != "$keycloak_hash" ]; then
  dist="$CACHE/keycloak-$KEYCLOAK_VERSION"
  if [ ! -x "$dist/bin/kc.sh" ]; then
    log "fetching the Keycloak $KEYCLOAK_VERSION distribution from Maven Central"
    maven -N -f "$ROOT/pom.xml" dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
      -DoutputDirectory="$CACHE" -Dmdep.stripVersion=false
    rm -rf "$dist" "$dist.part" && mkdir "$dist.part"
    unzip -q "$CACHE/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" -d "$dist.part"
    # As in the official image: the group (0) may write where the owner may, for containers run under another uid.
    chmod -R g+rwX "$dist.part/keycloak-$KEYCLOAK_VERSION"
    mv "$dist.part/keycloak-$KEYCLOAK_VERSION" "$dist" && rm -rf "$dist.part" "$CACHE/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
  fi
  standin_image "$KEYCLOAK_REPOSITORY:$KEYCLOAK_VERSION" "$dist" "$CONTEXTS/keycloak/Dockerfile" "$keycloak_hash" --build-arg "BASE=$JRE_BASE"
else
  log "$KEYCLOAK_REPOSITORY:$KEYCLOAK_VERSION is up to date"
fi

standin_image "$POSTGRES_IMAGE" "$CONTEXTS/postgres" "$CONTEXTS/postgres/Dockerfile" \
  "$(inputs_hash "$CONTEXTS/postgres" "$(label_of "$PG_BASE")")" --build-arg "BASE=$PG_BASE"

mailpit_hash="$(inputs_hash "$CONTEXTS/mailpit" "$(label_of "$JRE_BASE")")"
if [ "$(label_of "$MAILPIT_IMAGE")" != "$mailpit_hash" ]; then
  # GreenMail and its dependencies from Maven Central, and the HTTP side compiled for Java 17.
  maven -f "$CONTEXTS/mailpit/pom.xml" package
fi
standin_image "$MAILPIT_IMAGE" "$CONTEXTS/mailpit" "$CONTEXTS/mailpit/Dockerfile" "$mailpit_hash" --build-arg "BASE=$JRE_BASE"

echo "KEYCLOAK_IMAGE=$KEYCLOAK_REPOSITORY"
echo "POSTGRES_IMAGE=$POSTGRES_IMAGE"
echo "MAILPIT_IMAGE=$MAILPIT_IMAGE"
# Testcontainers' own images have no stand-ins, and it retries their pulls for minutes: no Ryuk (the tests stop their
# containers themselves), no start-up checks, and, for an engine on this machine, its address, which Testcontainers
# would otherwise find by running its tiny image when the tests run inside a container.
echo "TESTCONTAINERS_RYUK_DISABLED=true"
echo "TESTCONTAINERS_CHECKS_DISABLE=true"
case "${DOCKER_HOST:-unix://}" in
  unix://*) echo "TESTCONTAINERS_HOST_OVERRIDE=localhost" ;;
esac

# Keycloak 26.7.0 with the email-code extension and the spr theme, pre-built for a fast `start --optimized`.
# Build the JAR first (mvn -B package -DskipTests); docker-compose.yml builds this image.
# KEYCLOAK_IMAGE: the Keycloak image to build on, tagged with KEYCLOAK_VERSION; the official one unless a build passes
# another (the tests pass the stand-in of scripts/build-stand-in-images.sh where no registry can be reached).
ARG KEYCLOAK_IMAGE=quay.io/keycloak/keycloak
ARG KEYCLOAK_VERSION=26.7.0

FROM ${KEYCLOAK_IMAGE}:${KEYCLOAK_VERSION} AS builder
# Build-time options: baked in by `kc.sh build`, so the runtime container starts without re-augmenting.
ENV KC_DB=postgres \
    KC_HEALTH_ENABLED=true \
    KC_METRICS_ENABLED=true
COPY authenticator/target/spr-email-code.jar /opt/keycloak/providers/spr-email-code.jar
RUN /opt/keycloak/bin/kc.sh build

FROM ${KEYCLOAK_IMAGE}:${KEYCLOAK_VERSION}
COPY --from=builder /opt/keycloak/ /opt/keycloak/
# The realm is deployment configuration, not part of the image: docker-compose.yml mounts realm-config/ into
# /opt/keycloak/data/import and passes --import-realm.
ENTRYPOINT ["/opt/keycloak/bin/kc.sh"]
CMD ["start", "--optimized"]

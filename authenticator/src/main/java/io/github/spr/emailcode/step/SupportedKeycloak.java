package io.github.spr.emailcode.step;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The Keycloak versions this JAR is proven on by the compatibility matrix: 26.4 to 26.7. On any other version the
 * step still loads (nothing in it is known to break there), and the server log says once that it is not tested.
 */
final class SupportedKeycloak {

    static final String RANGE = "26.4 to 26.7";

    private static final Logger LOG = Logger.getLogger(SupportedKeycloak.class);
    private static final Pattern MAJOR_MINOR = Pattern.compile("^(\\d+)\\.(\\d+)");

    private SupportedKeycloak() {
    }

    /** @param version Keycloak's version string, e.g. {@code 26.7.0} or a vendor build's {@code 26.4.7.redhat-00001} */
    static boolean isSupported(String version) {
        Matcher matcher = MAJOR_MINOR.matcher(version == null ? "" : version);
        if (!matcher.find()) {
            return false;
        }
        int major = Integer.parseInt(matcher.group(1));
        int minor = Integer.parseInt(matcher.group(2));
        return major == 26 && minor >= 4 && minor <= 7;
    }

    static void warnIfUnsupported(String version) {
        if (!isSupported(version)) {
            LOG.warnf("The email code step (spr-email-code) is tested on Keycloak %s; this server is Keycloak %s. "
                    + "It may work, but no test proves it: see the supported versions in the project's README.", RANGE, version);
        }
    }
}

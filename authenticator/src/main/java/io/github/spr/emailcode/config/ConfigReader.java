package io.github.spr.emailcode.config;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.keycloak.models.AuthenticatorConfigModel;

/** Reads the step's config; an unusable stored value is logged once and replaced by its default. */
public final class ConfigReader {

    private static final Logger LOG = Logger.getLogger(ConfigReader.class);
    /** Only de-duplicates warnings; no login decision depends on it. */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private ConfigReader() {
    }

    public static EmailCodeConfig read(AuthenticatorConfigModel model) {
        if (model == null || model.getConfig() == null) {
            return EmailCodeConfig.DEFAULTS;
        }
        Map<String, String> raw = model.getConfig();
        List<String> problems = EmailCodeConfig.problemsIn(raw);
        if (!problems.isEmpty() && WARNED.add(model.getId() + ':' + raw.hashCode())) {
            LOG.warnf("Email code config '%s' has unusable values, their defaults apply instead: %s", model.getAlias(), problems);
        }
        return EmailCodeConfig.from(raw);
    }
}

package io.github.spr.emailcode.config;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.keycloak.models.AuthenticatorConfigModel;

/**
 * Reads the step's config; an unusable stored value is logged once and replaced by its default. A config is parsed
 * once: every request of every login asks for it, and it only changes when an admin saves it.
 */
public final class ConfigReader {

    private static final Logger LOG = Logger.getLogger(ConfigReader.class);
    /** Only de-duplicates warnings; no login decision depends on it. */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();
    /** By config id: the raw values last parsed and what they gave; a changed config is parsed again. */
    private static final Map<String, Parsed> PARSED = new ConcurrentHashMap<>();

    private record Parsed(Map<String, String> raw, EmailCodeConfig config) {
    }

    private ConfigReader() {
    }

    public static EmailCodeConfig read(AuthenticatorConfigModel model) {
        if (model == null || model.getConfig() == null) {
            return EmailCodeConfig.DEFAULTS;
        }
        Map<String, String> raw = model.getConfig();
        Parsed parsed = PARSED.get(model.getId());
        if (parsed != null && parsed.raw().equals(raw)) {
            return parsed.config();
        }
        List<String> problems = EmailCodeConfig.problemsIn(raw);
        if (!problems.isEmpty() && WARNED.add(model.getId() + ':' + raw.hashCode())) {
            LOG.warnf("Email code config '%s' has unusable values, their defaults apply instead: %s", model.getAlias(), problems);
        }
        EmailCodeConfig config = EmailCodeConfig.from(raw);
        if (model.getId() != null) {
            PARSED.put(model.getId(), new Parsed(Map.copyOf(raw), config));
        }
        return config;
    }
}

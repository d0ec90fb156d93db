package io.github.spr.emailcode.step;

import io.github.spr.emailcode.code.CodeGenerator;
import io.github.spr.emailcode.config.ConfigProperties;
import io.github.spr.emailcode.config.ConfigProperty;
import io.github.spr.emailcode.placement.PlacementCheck;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.common.Version;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.provider.ProviderConfigProperty;

/** Registers the step as "Email verification code" in the admin console's flow editor. */
public final class EmailCodeAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "email-code";

    private static final AuthenticationExecutionModel.Requirement[] REQUIREMENT_CHOICES = {
            AuthenticationExecutionModel.Requirement.REQUIRED,
            AuthenticationExecutionModel.Requirement.ALTERNATIVE,
            AuthenticationExecutionModel.Requirement.DISABLED
    };

    private static final List<ProviderConfigProperty> CONFIG_PROPERTIES = ConfigProperties.ALL.stream()
            .map(EmailCodeAuthenticatorFactory::toProviderConfigProperty)
            .toList();

    /** Stateless and thread-safe, like the SecureRandom inside it; one instance serves every login. */
    private static final EmailCodeAuthenticator AUTHENTICATOR = new EmailCodeAuthenticator(new CodeGenerator());

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Email verification code";
    }

    @Override
    public String getHelpText() {
        return "Asks the user to confirm their email address, emails a one-time code to it, and continues the login "
                + "only when the code is entered. Put it after the username/password step as Required, or as Alternative "
                + "beside OTP in the conditional 2FA sub-flow (never as Alternative beside Required steps: Keycloak skips it).";
    }

    /**
     * "otp": Keycloak 26.6+ only counts brute-force failures of authenticators whose category is password, otp or
     * recovery-authn-codes, and a wrong emailed code is a wrong one-time code.
     */
    @Override
    public String getReferenceCategory() {
        return OTPCredentialModel.TYPE;
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return REQUIREMENT_CHOICES.clone();
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG_PROPERTIES;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return AUTHENTICATOR;
    }

    @Override
    public void init(Config.Scope config) {
        SupportedKeycloak.warnIfUnsupported(Version.VERSION);
    }

    /** Once the server has started (and imported realms), every realm's flows are checked for a step that can be skipped. */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                KeycloakModelUtils.runJobInTransaction(factory, session ->
                        session.realms().getRealmsStream().forEach(realm -> PlacementCheck.checkRealm(session, realm, PROVIDER_ID)));
            }
        });
    }

    @Override
    public void close() {
    }

    static ProviderConfigProperty toProviderConfigProperty(ConfigProperty property) {
        ProviderConfigProperty result = new ProviderConfigProperty();
        result.setName(property.key());
        result.setLabel(property.label());
        result.setHelpText(property.helpText());
        if (property instanceof ConfigProperty.IntRange range) {
            result.setType(ProviderConfigProperty.LIST_TYPE);
            result.setDefaultValue(range.defaultValue());
            result.setOptions(range.offered().stream().map(String::valueOf).toList());
        } else if (property instanceof ConfigProperty.Flag flag) {
            result.setType(ProviderConfigProperty.BOOLEAN_TYPE);
            result.setDefaultValue(flag.defaultFlag());
        } else {
            result.setType(ProviderConfigProperty.MULTIVALUED_STRING_TYPE);
        }
        return result;
    }
}

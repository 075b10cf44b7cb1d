package app.scimconsole.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/**
 * Every reason the service gives for a write, a refusal or an owner's action has a sentence in the console's bundle
 * (English and, by the bundles' own parity test, Japanese), so no screen ever shows a bare code.
 */
class ReasonCodesHaveTextsTest {
    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle("app.scimconsole.console.messages",
            Locale.ROOT, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    @Test
    void everyCodeTheServiceGivesHasAText() throws IllegalAccessException {
        List<String> codes = new ArrayList<>();
        for (Class<?> c : List.of(ChangeReasons.class, TenantAdmin.class, ScimAccess.class, AdminService.class,
                TokenIssuer.class, HistoryRetention.class, EventFeed.class, EventReaders.class,
                FederatedAssertions.class, FederationTrusts.class, KeySetAddress.class, Webhooks.class,
                WebhookAddress.class, WebhookFailure.class, PageCursor.class)) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class
                        && !f.getName().equals("NO_SIGN_IN")) {
                    f.setAccessible(true);
                    String value = (String) f.get(null);
                    if (value.startsWith("activity.") || value.startsWith("admin.") || value.startsWith("history.")
                            || value.startsWith("events.") || value.startsWith("webhook.")) {
                        codes.add(value);
                    }
                }
            }
        }
        for (String withNote : List.of(ChangeReasons.CREATED, ChangeReasons.REPLACED, ChangeReasons.CHANGED,
                ChangeReasons.SUSPENDED, ChangeReasons.REACTIVATED)) {
            codes.add(withNote + ChangeReasons.NO_SIGN_IN);
        }
        codes.add(TenantAdmin.TOKEN_ROTATED + ".overlap");
        // a prefix, not a code: its codes name the refusal
        codes.remove(ScimAccess.ACCESS_TOKEN_REFUSED);
        for (String why : List.of(".expired", ".revoked", ".appDisabled", ".wrongTenant")) {
            codes.add(ScimAccess.ACCESS_TOKEN_REFUSED + why);
        }
        assertThat(codes).hasSizeGreaterThan(20);

        assertThat(codes).allSatisfy(code -> assertThat(ENGLISH.containsKey("reason." + code)).as(code).isTrue());
    }
}

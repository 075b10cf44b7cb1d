package app.scimconsole.console.context;

import app.scimconsole.directory.DataFolder;
import app.scimconsole.http.ServiceConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * How the console is started. The defaults are the product's: the per-user data folder, the saved service
 * settings, real DNS. Tests (and developers, through system properties) change them.
 *
 * @param dataFolder    where console.json and the embedded service's database live
 * @param serviceConfig overrides the saved service settings of the embedded service (null: use the saved ones)
 * @param dnsServer     HOST:PORT that receives every DNS query (null: real DNS)
 * @param locale        the language (null: the saved choice, else the computer's)
 * @param pollInterval  how often live views re-read the service
 */
public record ConsoleOptions(Path dataFolder, ServiceConfig serviceConfig, String dnsServer, Clock clock, Locale locale,
        Duration pollInterval) {

    public static final Duration DEFAULT_POLL = Duration.ofSeconds(5);

    /** The product defaults, adjustable with {@code -Dscimconsole.data=DIR} and {@code -Dscimconsole.dnsServer=HOST:PORT}. */
    public static ConsoleOptions fromSystem() {
        String data = System.getProperty("scimconsole.data");
        Path folder = data == null || data.isBlank() ? DataFolder.defaultLocation() : Path.of(data);
        String dns = System.getProperty("scimconsole.dnsServer");
        return new ConsoleOptions(folder, null, dns == null || dns.isBlank() ? null : dns, Clock.systemUTC(), null,
                DEFAULT_POLL);
    }
}

package app.scimconsole.console.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/**
 * A live page's work runs only while the page is shown and a service is connected: a console that opens on the page
 * while its embedded service starts reads nothing until the connection comes, then reads at once; another connection
 * starts the work again on the new service.
 */
class LivePageTest {
    private final SimpleObjectProperty<Object> connection = new SimpleObjectProperty<>();
    private final List<String> log = new ArrayList<>();
    private int started;

    private final Supplier<Scheduler.Cancellable> poll = () -> {
        int n = ++started;
        log.add("start " + n);
        return () -> log.add("stop " + n);
    };

    private final LivePage page = new LivePage(null, connection, List.of(poll));

    @Test
    void shownBeforeTheConnectionItWaitsForItThenStarts() {
        page.shown();
        assertThat(log).isEmpty();

        connection.set("embedded");
        assertThat(log).containsExactly("start 1");
    }

    @Test
    void anotherConnectionStartsTheWorkAgainAndLosingItStopsIt() {
        connection.set("embedded");
        page.shown();
        connection.set(null);
        assertThat(log).containsExactly("start 1", "stop 1");

        connection.set("remote");
        assertThat(log).containsExactly("start 1", "stop 1", "start 2");

        connection.set("another");
        assertThat(log).containsExactly("start 1", "stop 1", "start 2", "stop 2", "start 3");
    }

    @Test
    void aHiddenPageDoesNotStartWhenTheConnectionComes() {
        page.shown();
        page.hidden();
        connection.set("embedded");
        assertThat(log).isEmpty();

        page.shown();
        page.shown();
        assertThat(log).as("shown twice, started once").containsExactly("start 1");
        page.hidden();
        assertThat(log).containsExactly("start 1", "stop 1");
    }
}

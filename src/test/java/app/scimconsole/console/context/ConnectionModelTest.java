package app.scimconsole.console.context;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.console.TestUi;
import app.scimconsole.console.common.Problems.PlainException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionModelTest {
    final TestUi ui = new TestUi();
    final List<ConsoleSettings.Connection> opened = new ArrayList<>();
    final ConnectionModel model = new ConnectionModel(ui.kit, wanted -> {
        opened.add(wanted);
        throw new PlainException("not opened in this test");
    });

    /** Issue 21: the first frame says "starting…" while the service starts only after it. */
    @Test
    void announcingSaysStartingWithoutOpeningAnything() {
        model.announce(ConsoleSettings.Connection.embedded());

        assertThat(opened).isEmpty();
        assertThat(model.stateProperty().get()).isEqualTo(ConnectionModel.State.CONNECTING);
        assertThat(model.descriptionProperty().get()).isEqualTo(ui.i18n.text("connection.starting"));
        assertThat(model.targetProperty().get()).isEqualTo(ConsoleSettings.Connection.embedded());
        assertThat(model.connectionProperty().get()).isNull();
        assertThat(ui.status.textProperty().get()).as("the status bar, not 'Ready'")
                .isEqualTo(ui.i18n.text("connection.starting"));
    }

    @Test
    void connectingAfterwardsOpensTheAnnouncedConnectionOnce() {
        model.announce(ConsoleSettings.Connection.embedded());
        model.connect(ConsoleSettings.Connection.embedded());

        assertThat(opened).containsExactly(ConsoleSettings.Connection.embedded());
        assertThat(model.stateProperty().get()).isEqualTo(ConnectionModel.State.FAILED);
    }
}

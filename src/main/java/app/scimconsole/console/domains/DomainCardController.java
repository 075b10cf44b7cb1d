package app.scimconsole.console.domains;

import app.scimconsole.console.common.CopyFeedback;
import app.scimconsole.console.common.I18n;
import app.scimconsole.console.common.Views;
import app.scimconsole.console.domains.DomainViewModel.DiagnosisRow;
import app.scimconsole.console.domains.DomainViewModel.ServerRow;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** One domain's card: the record to publish, the status, the per-server answers and the reasons with their fixes. */
public final class DomainCardController {
    @FXML
    private VBox root;
    @FXML
    private Label domainName;
    @FXML
    private HBox statusPill;
    @FXML
    private Label statusText;
    @FXML
    private Button checkButton;
    @FXML
    private Button removeButton;
    @FXML
    private Label recordType;
    @FXML
    private TextField recordName;
    @FXML
    private TextField recordHost;
    @FXML
    private TextField recordValue;
    @FXML
    private Button copyNameButton;
    @FXML
    private Button copyHostButton;
    @FXML
    private Button copyValueButton;
    @FXML
    private Label summary;
    @FXML
    private VBox diagnoses;
    @FXML
    private VBox serversBox;
    @FXML
    private GridPane servers;
    @FXML
    private Label schedule;
    @FXML
    private Label liveNote;

    private final DomainViewModel vm;
    private final DomainsViewModel list;
    private final I18n i18n;

    public DomainCardController(DomainViewModel vm, DomainsViewModel list, I18n i18n) {
        this.vm = vm;
        this.list = list;
        this.i18n = i18n;
    }

    @FXML
    private void initialize() {
        for (TextField f : new TextField[] {recordName, recordHost, recordValue}) {
            app.scimconsole.console.common.WholeText.tooltipWhenCut(f); // selectable, and whole in the tooltip
        }
        for (ButtonBase b : new ButtonBase[] {copyNameButton, copyHostButton, copyValueButton}) {
            CopyFeedback.reserveRoom(b, i18n);
        }
        domainName.setText(vm.displayName());
        recordType.setText(vm.recordType());
        recordName.setText(vm.recordName());
        recordHost.setText(vm.recordHost());
        recordValue.setText(vm.recordValue());
        vm.entryProperty().addListener((o, was, now) -> {
            recordName.setText(vm.recordName());
            recordValue.setText(vm.recordValue());
        });
        statusText.textProperty().bind(vm.statusTextProperty());
        vm.indicatorProperty().addListener((o, was, now) -> showIndicator(now));
        showIndicator(vm.indicatorProperty().get());
        // Not disabled while the check runs: a disabled button loses the keyboard focus to the next one (Remove…), where
        // the next Space would open the remove dialog. A second press meanwhile does nothing (see checkNow).
        checkButton.setAccessibleText(i18n.text("domain.checkNow") + " " + vm.displayName());
        removeButton.setAccessibleText(i18n.text("domain.remove") + " " + vm.displayName());
        summary.textProperty().bind(vm.summaryProperty());
        schedule.textProperty().bind(vm.scheduleProperty());
        Views.showsText(liveNote, vm.liveNoteProperty());
        vm.diagnoses().addListener((ListChangeListener<DiagnosisRow>) c -> showDiagnoses());
        vm.servers().addListener((ListChangeListener<ServerRow>) c -> showServers());
        showDiagnoses();
        showServers();
    }

    private void showIndicator(Indicator i) {
        statusPill.getStyleClass().removeIf(s -> s.startsWith("status-") && !s.equals("status-pill"));
        statusPill.getStyleClass().add(i.styleClass());
        statusPill.setAccessibleText(vm.displayName() + ": " + i18n.text(i.key()));
    }

    private void showDiagnoses() {
        diagnoses.getChildren().clear();
        for (DiagnosisRow d : vm.diagnoses()) {
            Label problem = new Label(d.problem());
            problem.setWrapText(true);
            problem.getStyleClass().add("diagnosis-problem");
            Label fix = new Label(i18n.text("domain.fix") + " " + d.fix());
            fix.setWrapText(true);
            VBox box = new VBox(problem, fix);
            box.getStyleClass().add("diagnosis");
            diagnoses.getChildren().add(box);
        }
        Views.shown(diagnoses, !vm.diagnoses().isEmpty());
    }

    private void showServers() {
        servers.getChildren().clear();
        boolean any = !vm.servers().isEmpty();
        Views.shown(serversBox, any);
        if (!any) {
            return;
        }
        servers.addRow(0, head("domain.col.server"), head("domain.col.role"), head("domain.col.answer"));
        int row = 1;
        for (ServerRow s : vm.servers()) {
            Label name = new Label((s.hasRecord() ? "✓ " : "• ") + s.server());
            name.getStyleClass().addAll("mono", s.hasRecord() ? "server-yes" : "server-no");
            // The server is what the row is about: its column keeps its width, the answer wraps beside it.
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            app.scimconsole.console.common.WholeText.tooltipWhenCut(name);
            Label role = new Label(s.role());
            role.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label answer = new Label(s.answer());
            answer.setWrapText(true);
            servers.addRow(row++, name, role, answer);
        }
    }

    private Label head(String key) {
        Label l = new Label(i18n.text(key));
        l.getStyleClass().add("server-head");
        return l;
    }

    public VBox root() {
        return root;
    }

    @FXML
    private void checkNow() {
        vm.checkNow();
    }

    @FXML
    private void remove() {
        list.remove(vm);
    }

    @FXML
    private void copyName(ActionEvent e) {
        vm.copyRecordName();
        CopyFeedback.on((ButtonBase) e.getSource(), i18n);
    }

    @FXML
    private void copyHost(ActionEvent e) {
        vm.copyRecordHost();
        CopyFeedback.on((ButtonBase) e.getSource(), i18n);
    }

    @FXML
    private void copyValue(ActionEvent e) {
        vm.copyRecordValue();
        CopyFeedback.on((ButtonBase) e.getSource(), i18n);
    }
}

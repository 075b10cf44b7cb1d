package app.scimconsole.console.users;

import app.scimconsole.admin.AdminApi.UserDetail;
import app.scimconsole.admin.AdminApi.UserRow;
import app.scimconsole.console.common.I18n;
import app.scimconsole.console.common.Views;
import app.scimconsole.console.common.WholeText;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * Binds one user's detail in the Users view ({@code UserDetail.fxml}). Loaded when a user is first selected: its tabs,
 * fields and text area were most of what the view's first opening built that the table did not need (issue 21).
 */
final class UserDetailController {
    @FXML
    private VBox detailBox;
    @FXML
    private Label detailName;
    @FXML
    private Label detailUserName;
    @FXML
    private Label statusBadge;
    @FXML
    private Label suspendedText;
    @FXML
    private Label signInText;
    @FXML
    private TextField displayNameField;
    @FXML
    private TextField titleField;
    @FXML
    private TextField departmentField;
    @FXML
    private Label detailEmail;
    @FXML
    private Label detailGroups;
    @FXML
    private Label detailCreated;
    @FXML
    private Label detailChanged;
    @FXML
    private TextArea resourceText;
    @FXML
    private ListView<String> historyList;

    private final UsersViewModel vm;
    private final I18n i18n;

    UserDetailController(UsersViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
    }

    @FXML
    private void initialize() {
        for (TextField f : new TextField[] {displayNameField, titleField, departmentField}) {
            f.setAccessibleText(i18n.text("users.locked.aria"));
            f.setTooltip(new Tooltip(i18n.text("users.locked")));
            // A long name is not cut silently: the whole value comes first in the tooltip, the field stays selectable.
            WholeText.tooltipWhenCut(f);
        }
        WholeText.tooltipWhenCut(detailUserName);
        historyList.setItems(vm.history());
    }

    /** Shows {@code d}, or hides the detail when null. */
    void show(UserDetail d) {
        Views.shown(detailBox, d != null);
        if (d == null) {
            return;
        }
        UserRow r = d.row();
        detailName.setText(r.displayName() == null ? r.userName() : r.displayName());
        detailUserName.setText(r.userName());
        statusBadge.setText(vm.statusText(r));
        statusBadge.getStyleClass().removeAll("status-verified", "status-lost");
        statusBadge.getStyleClass().add(r.active() ? "status-verified" : "status-lost");
        String suspension = vm.suspension(d);
        suspendedText.setText(suspension);
        Views.shown(suspendedText, suspension != null);
        Views.shown(signInText, !r.canSignIn());
        displayNameField.setText(r.displayName());
        titleField.setText(r.title());
        departmentField.setText(r.department());
        detailEmail.setText(r.email() == null ? "—" : r.email());
        detailGroups.setText(r.groups().isEmpty() ? "—" : String.join(", ", r.groups()));
        detailCreated.setText(vm.time(d.created()));
        detailChanged.setText(vm.lastChange(r));
        resourceText.setText(d.resource());
    }
}

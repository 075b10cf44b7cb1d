package app.scimconsole.console.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;

/**
 * Loads a view's FXML with the console's bundle. The FXML names its controller class ({@code fx:controller});
 * the caller passes the instance, built with its view model, so controllers get their collaborators through
 * their constructors (Cryptomator's seam, without a DI framework).
 */
public final class Views {
    private Views() {
    }

    /** Shows or hides {@code node}, and lets a hidden one take no room in its layout. */
    public static void shown(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    /** Shows {@code node} while {@code condition} holds; hidden, it takes no room in its layout. */
    public static void shownWhen(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    /**
     * {@code label} says {@code text} and is shown only while there is something to say (a problem, a notice): an
     * empty one takes no room, so nothing leaves a gap in the page while all is well.
     */
    public static void showsText(Labeled label, ObservableStringValue text) {
        label.textProperty().bind(text);
        shownWhen(label, Bindings.isNotEmpty(text));
    }

    /**
     * Gives {@code node} the style class {@code styleClass} when {@code on}, else takes it away, changing its classes
     * only when they differ: each change restyles the node and everything in it, which for a table's reused cells
     * was a restyle of every visible row at each page shown (each search keystroke), whether or not a class changed.
     */
    public static void styleClass(Node node, String styleClass, boolean on) {
        if (node.getStyleClass().contains(styleClass) != on) {
            if (on) {
                node.getStyleClass().add(styleClass);
            } else {
                node.getStyleClass().removeAll(styleClass);
            }
        }
    }

    public static Parent load(String resource, Object controller, I18n i18n) {
        URL url = Views.class.getResource("/app/scimconsole/console/" + resource);
        if (url == null) {
            throw new IllegalStateException("missing view " + resource);
        }
        FXMLLoader loader = new FXMLLoader(url, i18n.bundle());
        loader.setControllerFactory(type -> {
            if (type.isInstance(controller)) {
                return controller;
            }
            throw new IllegalStateException(resource + " asks for " + type.getName() + ", but was given "
                    + controller.getClass().getName());
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + resource, e);
        }
    }
}

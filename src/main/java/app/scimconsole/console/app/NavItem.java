package app.scimconsole.console.app;

import app.scimconsole.console.common.Page;
import java.util.function.Supplier;

/** One entry of the sidebar: its id (remembered as the last view), its label key, and its page, built on first use. */
public record NavItem(String id, String labelKey, Supplier<Page> page) {
}

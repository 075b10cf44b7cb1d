package app.scimconsole.directory;

import app.scimconsole.directory.Directory.Page;
import app.scimconsole.directory.Directory.StoredResource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Walks a list by keyset pages while it changes between them, as it does under Entra's writes: after each page one
 * row far ahead of the walk leaves the list, one just shown leaves it, and the caller adds rows. Says what was seen
 * and what was removed, so a test can check that every row that stayed was seen exactly once.
 */
final class ChurningWalk {
    final List<String> seen = new ArrayList<>();
    final Set<String> removed = new HashSet<>();

    /**
     * {@code before}: the list's rows, in order, before the walk; {@code next}: the page after a page;
     * {@code remove}: takes a row out of the list; {@code add}: adds rows (called after each page).
     */
    ChurningWalk(List<String> before, Page first, Function<Page, Page> next, Consumer<String> remove, Runnable add) {
        Page page = first;
        while (true) {
            page.resources().stream().map(StoredResource::id).forEach(seen::add);
            List<String> ahead = new ArrayList<>(before);
            ahead.removeAll(seen);
            ahead.removeAll(removed);
            if (ahead.size() > 10) {
                String gone = ahead.get(ahead.size() / 2);
                remove.accept(gone);
                removed.add(gone);
            }
            String behind = seen.get(seen.size() - 2);
            if (removed.add(behind)) {
                remove.accept(behind);
            }
            add.run();
            if (!page.more()) {
                return;
            }
            page = next.apply(page);
        }
    }

    /** The rows of {@code before} that were never removed. */
    List<String> stayed(List<String> before) {
        List<String> stayed = new ArrayList<>(before);
        stayed.removeAll(removed);
        return stayed;
    }
}

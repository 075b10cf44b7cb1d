package app.scimconsole.service;

import app.scimconsole.admin.AdminException;
import app.scimconsole.admin.Reason;
import app.scimconsole.directory.Directory.Page;
import app.scimconsole.directory.Directory.Position;
import app.scimconsole.directory.Directory.Seek;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.Predicate;

/**
 * The admin API's page cursor: where the next (or previous) page of one list query starts, as an opaque token. It
 * carries the sort key and id of the row next to that page, the page's place in the list, and the total counted on
 * the query's first page, so that later pages neither skip rows by offset nor count again. It also names the query
 * (a digest of its criteria): a cursor sent with other criteria is refused rather than read in the wrong order.
 * It is not signed: a made-up cursor can only ask for a page of the tenant's own list, from another place.
 */
record PageCursor(String query, Position from, boolean backward, int startIndex, long total, boolean moreThanTotal) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    /** args: none. A cursor that is not one this service made (cut short, altered, or from another version). */
    static final String MALFORMED = "admin.cursorMalformed";
    /** args: none. A cursor of a list asked for with other criteria (search, filters, sort). */
    static final String OTHER_QUERY = "admin.cursorOfAnotherQuery";

    /** The digest that names a query: its criteria, each set apart so that no two queries run together. */
    static String queryOf(Object... criteria) {
        StringBuilder text = new StringBuilder();
        for (Object c : criteria) {
            text.append(c == null ? "\u0000" : c.toString().replace("\u0001", "\u0001\u0001")).append('\u0001');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString()
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How a list reads its pages: at {@code startIndex}, counted, when {@code seek} is null; else next to it. */
    @FunctionalInterface
    interface Reader {
        Page read(Seek seek, int startIndex);
    }

    /**
     * A page read by cursor, with where it starts, the total (counted on its query's first page) and the cursors of
     * the pages before and after it (null: none).
     */
    record Read(Page page, int startIndex, long total, boolean moreThanTotal, String next, String previous) {
    }

    /**
     * The page of {@code query} that {@code cursor} leads to (null or empty: the one at {@code startIndex}, counted),
     * read by {@code reader}, and the cursors around it; {@code fits} tells whether a cursor's key is of the list's
     * sort (a 400 if not). Every list the admin API pages by cursor (users, groups, a group's members) goes here.
     */
    static Read read(String cursor, String query, int startIndex, int size, Predicate<Object> fits, Reader reader) {
        PageCursor at = cursor == null || cursor.isEmpty() ? null : decode(cursor, query);
        if (at != null && !fits.test(at.from().key())) {
            throw malformed();
        }
        Page page = reader.read(at == null ? null : new Seek(at.from(), at.backward()), Math.max(1, startIndex));
        if (at != null && at.backward() && !page.more()) {
            // Back at the top (rows before it were removed meanwhile): the first page, full, as the list is now.
            return read(null, query, 1, size, fits, reader);
        }
        int n = page.resources().size();
        int start = at == null ? page.startIndex() : at.startIndex();
        long total = at == null ? page.totalResults() : at.total();
        boolean moreThanTotal = at == null ? page.moreThanTotal() : at.moreThanTotal();
        boolean hasNext = at != null && at.backward() ? n > 0 : page.more();
        boolean hasPrevious = at != null && at.backward() ? page.more() : start > 1 && n > 0;
        String next = hasNext ? new PageCursor(query, page.last(), false, start + n, total, moreThanTotal).encode()
                : null;
        String previous = hasPrevious ? new PageCursor(query, page.first(), true, Math.max(1, start - size), total,
                moreThanTotal).encode() : null;
        return new Read(page, start, total, moreThanTotal, next, previous);
    }

    String encode() {
        ObjectNode o = JSON.createObjectNode().put("q", query).put("i", from.id()).put("b", backward)
                .put("s", startIndex).put("t", total).put("m", moreThanTotal);
        Object key = from.key();
        if (key instanceof Boolean b) {
            o.put("k", b);
        } else if (key != null) {
            o.put("k", key.toString());
        } else {
            o.putNull("k");
        }
        return ENCODER.encodeToString(o.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor, if it is one of {@code query}'s; else a 400 with its reason. */
    static PageCursor decode(String token, String query) {
        JsonNode o;
        try {
            o = JSON.readTree(Base64.getUrlDecoder().decode(token));
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw malformed();
        }
        if (o == null || !o.isObject() || !o.path("q").isTextual() || !o.path("i").isTextual()
                || !o.path("b").isBoolean() || !o.path("s").canConvertToInt() || !o.path("t").canConvertToLong()
                || !o.path("m").isBoolean() || !o.has("k")
                || !(o.get("k").isTextual() || o.get("k").isBoolean() || o.get("k").isNull())) {
            throw malformed();
        }
        if (!o.get("q").asText().equals(query)) {
            throw new AdminException(400, "This page link belongs to another search or sort; start again from the "
                    + "first page.", Reason.of(OTHER_QUERY));
        }
        JsonNode k = o.get("k");
        Object key = k.isNull() ? null : k.isBoolean() ? (Object) k.asBoolean() : k.asText();
        return new PageCursor(query, new Position(key, o.get("i").asText()), o.get("b").asBoolean(),
                Math.max(1, o.get("s").asInt()), Math.max(0, o.get("t").asLong()), o.get("m").asBoolean());
    }

    static AdminException malformed() {
        return new AdminException(400, "This page link is not one the service made; start again from the first page.",
                Reason.of(MALFORMED));
    }
}

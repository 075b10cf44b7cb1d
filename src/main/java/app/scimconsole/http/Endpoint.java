package app.scimconsole.http;

/** What answers the requests under one path prefix of a listener; it must send exactly one answer. */
@FunctionalInterface
interface Endpoint {
    void answer(Exchange ex) throws Exception;
}

package dev.simstack.core.internal.server;

import io.netty.handler.codec.http.HttpRequest;

/**
 * A request whose body {@link BodySpooler} streamed into a spool instead of the aggregator.
 *
 * @param head the request line and headers
 * @param body the body
 * @param failure why the body could not be read whole, or null
 */
record SpooledRequest(HttpRequest head, FileSpool body, String failure) {
}

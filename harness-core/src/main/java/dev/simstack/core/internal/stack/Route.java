package dev.simstack.core.internal.stack;

import dev.simstack.core.internal.engine.Service;
import dev.simstack.core.internal.protocol.ProtocolCodec;

/**
 * Which service and protocol a request is for.
 *
 * @param service the service; null when the request names none the stack has
 * @param codec the protocol to read it and answer in
 */
public record Route(Service service, ProtocolCodec codec) {
}

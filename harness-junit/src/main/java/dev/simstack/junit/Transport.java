package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** How the SDK clients a {@link SimStack} stack injects reach its engine. */
@API(status = EXPERIMENTAL, since = "0.2")
public enum Transport {
    /**
     * Over the stack's port on the loopback interface, through the SDK's default HTTP client: the network path
     * an application takes (connection pools, socket timeouts, the HTTP codec).
     */
    SOCKET,
    /**
     * Without a socket, through {@code dev.simstack.core.InProcessHttpClient} (and its async twin for async
     * clients): the SDK still signs and marshals, the engine still decodes, intercepts (fault plans, wire faults
     * included) and records each request; only the loopback and the HTTP codecs are skipped.
     */
    IN_PROCESS
}

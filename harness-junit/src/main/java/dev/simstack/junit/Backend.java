package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Where a {@link SimStack} class's resources live and where its injected clients point. The same test runs on
 * each where that backend can do what the test asks; what only the embedded engine can do (semantic faults, the
 * manual clock, handles and ledger assertions) fails fast on the others, naming the backend (docs/backends.md).
 */
@API(status = EXPERIMENTAL, since = "0.2")
public enum Backend {
    /**
     * The run's backend: the system property or configuration parameter {@value SimStack#BACKEND_PROPERTY}
     * when set (e.g. {@code -Dsimstack.backend=aws} to run a whole suite against an account), else
     * {@link #EMBEDDED}. The default of {@link SimStack#backend()}; any other value pins the class.
     */
    DEFAULT,
    /** SimStack's embedded engine, in the test's JVM: the fastest, and the only one with faults, clock and ledger. */
    EMBEDDED,
    /**
     * A LocalStack container started through Testcontainers (an optional dependency the user adds); needs the
     * auth token in the environment variable {@code LOCALSTACK_AUTH_TOKEN}. Skipped where Docker is absent.
     */
    LOCALSTACK,
    /** A Floci container (a free LocalStack-compatible emulator) started through Testcontainers. */
    FLOCI,
    /**
     * The AWS account the SDK's default credential chain points at, in its default region: refuses to start
     * unless {@value SimStack#AWS_ALLOW_PROPERTY}{@code =true}; every name is prefixed per run, every resource
     * tagged and deleted after the class.
     */
    AWS,
    /**
     * Any running LocalStack-compatible endpoint (a SimStack launcher, LocalStack, Floci) at the URL of
     * {@link SimStack#endpoint()} or {@value SimStack#ENDPOINT_PROPERTY}.
     */
    ENDPOINT
}

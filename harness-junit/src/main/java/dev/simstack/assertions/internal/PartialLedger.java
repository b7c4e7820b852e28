package dev.simstack.assertions.internal;

import dev.simstack.core.AwsService;
import dev.simstack.core.Ledger;
import dev.simstack.core.ResourceRef;
import java.util.List;
import java.util.Optional;

/**
 * A ledger that holds only part of what happened (a remote backend's: what the test's own clients saw), read by the
 * assertions of {@code assertThat(ledger)}: it names the resources declared for it and says why an assertion that
 * needs more cannot be answered from it.
 */
public interface PartialLedger extends Ledger {

    /** The failure of {@code assertion}, which reads {@code facts} that this ledger cannot hold, naming why. */
    IllegalStateException cannotHold(String assertion, String facts);

    /** The declared resource of {@code service} named {@code name}, in {@code region} (any when null). */
    Optional<ResourceRef> declared(AwsService service, String region, String name);

    /** The names of the declared resources of {@code service}. */
    List<String> declaredNames(AwsService service);
}

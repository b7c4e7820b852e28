package dev.simstack.assertions;

import dev.simstack.core.AwsService;
import dev.simstack.core.Ledger;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.ResourceRef;
import dev.simstack.assertions.internal.PartialLedger;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A ledger read without its stack ({@link SimStackAssertions#assertThat(Ledger)}): resources are found by name in
 * its entries, and what needs more than the ledger (handles, the items in a table, or facts only the engine
 * records) fails naming why: on a remote backend, that its ledger holds only what the test's own clients saw.
 *
 * @param ledger the ledger
 */
record LedgerOnly(Ledger ledger) {

    LedgerOnly {
        Objects.requireNonNull(ledger, "ledger");
    }

    /** Whether this is a remote backend's ledger, which holds only what the test's own clients saw. */
    boolean isRemote() {
        return ledger instanceof PartialLedger;
    }

    /** The failure of {@code assertion}, which reads {@code facts} that this ledger cannot hold. */
    IllegalStateException needsMore(String assertion, String facts) {
        if (ledger instanceof PartialLedger client) {
            return client.cannotHold(assertion, facts);
        }
        return new IllegalStateException(assertion + " reads " + facts + ", which a ledger alone does not hold:"
                + " take the assertion from assertThat(stack)");
    }

    /**
     * The resource of {@code service} named {@code name} (in {@code region}, or in any when null) that the
     * ledger's entries name; a client ledger also knows the declared resources no entry names yet.
     *
     * @throws IllegalArgumentException when the name is unknown (listing the names known) or, without a region,
     *     names resources in several regions
     */
    ResourceRef resource(AwsService service, String region, String name) {
        Objects.requireNonNull(name, "name");
        TreeSet<String> known = new TreeSet<>();
        TreeSet<String> regions = new TreeSet<>();
        ResourceRef found = null;
        for (LedgerEntry entry : ledger.entries()) {
            ResourceRef ref = refOf(entry).filter(r -> r.service() == service).orElse(null);
            if (ref == null) {
                continue;
            }
            known.add(ref.name());
            if (ref.name().equals(name) && (region == null || ref.region().equals(region))) {
                regions.add(ref.region());
                found = found == null ? ref : found;
            }
        }
        if (regions.size() > 1) {
            throw new IllegalArgumentException("the ledger names " + service.signingName() + " resource '" + name
                    + "' in the regions " + regions + ": name the region too");
        }
        if (found != null) {
            return found;
        }
        if (ledger instanceof PartialLedger client) {
            Optional<ResourceRef> declared = client.declared(service, region, name);
            if (declared.isPresent()) {
                return declared.get();
            }
            known.addAll(client.declaredNames(service));
        }
        throw new IllegalArgumentException("the ledger knows no " + service.signingName() + " resource named '"
                + name + "'" + (region == null ? "" : " in " + region) + "; it knows "
                + (known.isEmpty() ? "none" : String.join(", ", known)));
    }

    private static Optional<ResourceRef> refOf(LedgerEntry entry) {
        if (entry instanceof LedgerEntry.Message message) {
            return Optional.of(message.queue());
        }
        if (entry instanceof LedgerEntry.ItemWrite write) {
            return Optional.of(write.table());
        }
        if (entry instanceof LedgerEntry.ObjectWrite write) {
            return Optional.of(write.bucket());
        }
        if (entry instanceof LedgerEntry.Request request) {
            return Optional.ofNullable(request.resource());
        }
        return Optional.empty();
    }
}

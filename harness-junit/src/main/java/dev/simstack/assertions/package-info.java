/**
 * AssertJ-style assertions on a SimStack stack: its queues, functions and APIs, and bursts.
 * {@link dev.simstack.assertions.SimStackAssertions#assertThat(dev.simstack.core.Stack)} is the entry point;
 * {@link dev.simstack.assertions.SimStackSoftAssertions} collects failures. They read only the stack's public
 * API (handles and ledger) and need no JUnit type, so they work in jqwik properties and plain code.
 * docs/assertions.md is the reference.
 */
package dev.simstack.assertions;

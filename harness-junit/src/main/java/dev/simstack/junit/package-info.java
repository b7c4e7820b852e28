/**
 * JUnit 5 integration: {@code @SimStack}, the extension that starts a stack per test class, parameter
 * injection of SDK clients and the assertion entry point.
 *
 * <p>Thin until its issue lands: the engine in {@code harness-core} is built first.
 */
package dev.simstack.junit;

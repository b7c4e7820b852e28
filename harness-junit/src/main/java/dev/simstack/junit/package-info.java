/**
 * JUnit 5 integration: {@link dev.simstack.junit.SimStack @SimStack} gives a test class an embedded AWS
 * stack, declared with {@link dev.simstack.junit.Queue @Queue}, {@link dev.simstack.junit.Table @Table},
 * {@link dev.simstack.junit.Bucket @Bucket}, {@link dev.simstack.junit.Function @Function} and
 * {@link dev.simstack.junit.Api @Api} (or a {@link dev.simstack.junit.StackDefinition} or the app's own
 * template), reset before each test and closed after the class; parameters and fields of the stack, its
 * handles, SDK clients and URLs are injected; {@link dev.simstack.junit.Burst @Burst} fires load at an API or
 * a queue. docs/junit.md is the reference.
 */
package dev.simstack.junit;

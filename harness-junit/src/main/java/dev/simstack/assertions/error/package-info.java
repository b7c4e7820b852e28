/**
 * The failure messages of SimStack's assertions, one factory per failure in AssertJ's way (each a
 * {@link org.assertj.core.error.BasicErrorMessageFactory}): what was expected, what was found, and where to
 * look next (the messages in a queue, the last failed invocations and their logs, the last API requests).
 */
package dev.simstack.assertions.error;

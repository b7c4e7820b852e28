package dev.simstack.junit.lifecycle;

import dev.simstack.junit.Queue;
import dev.simstack.junit.SimStack;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A user's own annotation that declares a stack: {@code @SimStack} works as a meta-annotation. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SimStack(queues = @Queue(name = "orders"))
@interface OrdersStack {
}

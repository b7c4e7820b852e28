package dev.simstack.junit.internal.faults;

import dev.simstack.core.Stack;
import dev.simstack.fault.FaultPlan;
import dev.simstack.fault.HotKeyThrottle;
import dev.simstack.fault.NotificationDelivery;
import dev.simstack.fault.SlowDown;
import dev.simstack.fault.TransactionConflict;
import dev.simstack.junit.FaultDeclaration;

/**
 * The DynamoDB and S3 fault annotations as the faults of module fault-injection, their table or bucket checked on
 * the stack (an unknown name fails listing the declared ones).
 */
public final class DataFaults {

    private DataFaults() {
    }

    /** {@link dev.simstack.junit.HotKeyThrottle} as a {@link HotKeyThrottle}. */
    public static final class HotKeyThrottleDeclaration
            implements FaultDeclaration<dev.simstack.junit.HotKeyThrottle> {

        @Override
        public FaultPlan plan(dev.simstack.junit.HotKeyThrottle hot, Stack stack) {
            stack.table(hot.table());
            HotKeyThrottle fault = HotKeyThrottle.on(hot.table(), orNull(hot.key())).withRate(hot.rate())
                    .withReads(hot.reads()).named("@HotKeyThrottle " + hot.table());
            return FaultPlan.none().with(hot.burst() < 0 ? fault : fault.withBurst(hot.burst()));
        }
    }

    /** {@link dev.simstack.junit.TransactionConflict} as a {@link TransactionConflict}. */
    public static final class TransactionConflictDeclaration
            implements FaultDeclaration<dev.simstack.junit.TransactionConflict> {

        @Override
        public FaultPlan plan(dev.simstack.junit.TransactionConflict conflict, Stack stack) {
            stack.table(conflict.table());
            return FaultPlan.none().with(TransactionConflict.on(conflict.table()).withKey(orNull(conflict.key()))
                    .withItemWrites(conflict.itemWrites()).withProbability(conflict.probability())
                    .withNth(conflict.nth()).withTimes(conflict.times())
                    .named("@TransactionConflict " + conflict.table()));
        }
    }

    /** {@link dev.simstack.junit.SlowDown} as a {@link SlowDown}. */
    public static final class SlowDownDeclaration implements FaultDeclaration<dev.simstack.junit.SlowDown> {

        @Override
        public FaultPlan plan(dev.simstack.junit.SlowDown slow, Stack stack) {
            stack.bucket(slow.bucket());
            return FaultPlan.none().with(SlowDown.on(slow.bucket(), slow.prefix())
                    .withRates(slow.writeRate(), slow.readRate()).named("@SlowDown " + slow.bucket()));
        }
    }

    /** {@link dev.simstack.junit.DuplicateNotification} as a {@link NotificationDelivery}. */
    public static final class DuplicateNotificationDeclaration
            implements FaultDeclaration<dev.simstack.junit.DuplicateNotification> {

        @Override
        public FaultPlan plan(dev.simstack.junit.DuplicateNotification twice, Stack stack) {
            stack.bucket(twice.bucket());
            return FaultPlan.none().with(NotificationDelivery.duplicated(twice.bucket()).withCopies(twice.copies())
                    .withPrefix(twice.prefix()).withProbability(twice.probability()).withNth(twice.nth())
                    .withTimes(twice.times()).named("@DuplicateNotification " + twice.bucket()));
        }
    }

    /** {@link dev.simstack.junit.LateNotification} as a {@link NotificationDelivery}. */
    public static final class LateNotificationDeclaration
            implements FaultDeclaration<dev.simstack.junit.LateNotification> {

        @Override
        public FaultPlan plan(dev.simstack.junit.LateNotification late, Stack stack) {
            stack.bucket(late.bucket());
            java.time.Duration delay = DurationText.parse("@LateNotification delay", late.delay());
            if (delay == null) {
                throw new IllegalArgumentException("@LateNotification(bucket = \"" + late.bucket() + "\") needs a"
                        + " delay, like delay = \"5m\"");
            }
            return FaultPlan.none().with(NotificationDelivery.late(late.bucket(), delay).withPrefix(late.prefix())
                    .withProbability(late.probability()).withNth(late.nth()).withTimes(late.times())
                    .named("@LateNotification " + late.bucket()));
        }
    }

    private static String orNull(String text) {
        return text.isEmpty() ? null : text;
    }
}

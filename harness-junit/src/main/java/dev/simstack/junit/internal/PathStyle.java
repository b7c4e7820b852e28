package dev.simstack.junit.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * S3 builders pointed at an emulator address buckets by path: {@code bucket.127.0.0.1} is not a host. Found by
 * reflection, so that configuring a client of another service needs no S3 module on the class path.
 */
public final class PathStyle {

    private PathStyle() {
    }

    /** Sets {@code forcePathStyle(true)} on {@code builder} when it is an S3 builder; does nothing otherwise. */
    public static void force(Object builder) {
        for (Class<?> type : builder.getClass().getInterfaces()) {
            Method method = pathStyleSetter(type);
            if (method != null) {
                try {
                    method.invoke(builder, Boolean.TRUE);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot set path-style access on " + type.getName(), e);
                }
                return;
            }
        }
    }

    private static Method pathStyleSetter(Class<?> type) {
        try {
            return type.getMethod("forcePathStyle", Boolean.class);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}

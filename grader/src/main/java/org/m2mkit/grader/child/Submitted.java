package org.m2mkit.grader.child;

import java.lang.reflect.InvocationTargetException;

/** The submission's classes loaded in the child, and the one class the lab requires of it. */
public final class Submitted {
    private final ClassLoader loader;
    private final String mainClass;

    Submitted(ClassLoader loader, String mainClass) {
        this.loader = loader;
        this.mainClass = mainClass;
    }

    /**
     * A new instance of the required class, made with its public constructor taking {@code argument} (of type
     * {@code parameter}), or the no-argument one when {@code parameter} is null. Throws what the constructor throws.
     */
    public <T> T make(Class<T> type, Class<?> parameter, Object argument) throws Throwable {
        if (loader == null) {
            throw new IllegalStateException("no classes were loaded");
        }
        Class<?> c = Class.forName(mainClass, true, loader);
        try {
            Object o = parameter == null ? c.getConstructor().newInstance()
                    : c.getConstructor(parameter).newInstance(argument);
            return type.cast(o);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

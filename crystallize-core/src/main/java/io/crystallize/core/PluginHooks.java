package io.crystallize.core;

import java.util.List;

/**
 * The plugins that implement each per-run hook, in plugin order: calling the no-op defaults of
 * the others would cost a call per plugin, step and run.
 */
final class PluginHooks {

    private static final ClassValue<boolean[]> IMPLEMENTED = new ClassValue<>() {
        @Override
        protected boolean[] computeValue(Class<?> type) {
            return new boolean[] {
                implemented(type, "beforeReplicate", Context.class),
                implemented(type, "beforeStep", Step.class, Context.class),
                implemented(type, "afterStep", Step.class, Object.class, Context.class)};
        }
    };

    final Plugin[] beforeReplicate;
    final Plugin[] beforeStep;
    final Plugin[] afterStep;

    PluginHooks(List<Plugin> plugins) {
        beforeReplicate = implementing(plugins, 0);
        beforeStep = implementing(plugins, 1);
        afterStep = implementing(plugins, 2);
    }

    private static Plugin[] implementing(List<Plugin> plugins, int hook) {
        return plugins.stream().filter(p -> IMPLEMENTED.get(p.getClass())[hook]).toArray(Plugin[]::new);
    }

    private static boolean implemented(Class<?> type, String hook, Class<?>... parameters) {
        try {
            return type.getMethod(hook, parameters).getDeclaringClass() != Plugin.class;
        } catch (NoSuchMethodException e) {
            return true; // cannot tell: call it
        }
    }
}

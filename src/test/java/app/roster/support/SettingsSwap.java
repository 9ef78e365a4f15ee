package app.roster.support;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The work of {@link WithSettings}: each Roster settings record ({@code @ConfigurationProperties}) that owns
 * one of the given keys is bound again from the environment with those keys on top, and every Roster bean and
 * security filter holding the running record (or one of its nested records that changed) gets the new one in
 * the same field, until {@link #undo()}.
 * Settings are records handed to their beans' constructors, so this is the only way to change one without
 * starting another application; it relies on final instance fields being writable by reflection (JDK 25). A
 * bean whose constructor takes the record without keeping it (it derived its values once) fails the swap.
 */
final class SettingsSwap {

    private record Handover(Object holder, Field field, Object running) {
    }

    private final List<Handover> handovers = new ArrayList<>();

    private SettingsSwap() {
    }

    static SettingsSwap apply(ApplicationContext application, Map<String, String> properties) {
        ConfigurableApplicationContext context = (ConfigurableApplicationContext) application;
        ConfigurableEnvironment environment = context.getEnvironment();
        List<ConfigurationPropertySource> sources = new ArrayList<>();
        sources.add(new MapConfigurationPropertySource(properties));
        ConfigurationPropertySources.get(environment).forEach(sources::add);
        Binder binder = new Binder(sources, new PropertySourcesPlaceholdersResolver(environment));

        SettingsSwap swap = new SettingsSwap();
        Set<String> unowned = new TreeSet<>(properties.keySet());
        List<Object> holders = holders(context.getBeanFactory());
        for (Object running : application.getBeansWithAnnotation(ConfigurationProperties.class).values()) {
            Class<?> type = running.getClass();
            ConfigurationProperties annotation = AnnotationUtils.findAnnotation(type, ConfigurationProperties.class);
            if (!type.isRecord() || !ours(type) || annotation == null) {
                continue;
            }
            String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
            List<String> keys = properties.keySet().stream().filter(key -> owns(type, prefix, key)).toList();
            if (keys.isEmpty()) {
                continue;
            }
            keys.forEach(unowned::remove);
            Object changed = binder.bindOrCreate(prefix, Bindable.of(type));
            if (changed.equals(running)) {
                swap.undo();
                throw new IllegalStateException("@WithSettings: " + keys + " leave " + type.getSimpleName()
                        + " as it is (the values it already has)");
            }
            if (swap.handOver(holders, running, changed) == 0) {
                swap.undo();
                throw new IllegalStateException("@WithSettings: no bean holds " + type.getSimpleName()
                        + ", so " + keys + " cannot change at runtime; use @TestPropertySource");
            }
        }
        if (!unowned.isEmpty()) {
            swap.undo();
            throw new IllegalStateException("@WithSettings: no Roster settings record has " + unowned
                    + " (misspelt? a setting that is not a module's, or read at startup, needs @TestPropertySource)");
        }
        return swap;
    }

    void undo() {
        for (Handover handover : handovers.reversed()) {
            set(handover.holder(), handover.field(), handover.running());
        }
        handovers.clear();
    }

    /**
     * The Roster singletons (their targets, when proxied) and the filters of every security filter chain; not the
     * settings records themselves, which are values.
     */
    private static List<Object> holders(ConfigurableListableBeanFactory beans) {
        Set<Object> holders = Collections.newSetFromMap(new IdentityHashMap<>());
        for (String name : beans.getSingletonNames()) {
            Object bean = beans.getSingleton(name);
            if (bean instanceof SecurityFilterChain chain) {
                chain.getFilters().stream().filter(filter -> ours(filter.getClass())).forEach(holders::add);
            }
            Object target = bean;
            for (Object inner = target; inner != null; inner = AopProxyUtils.getSingletonTarget(inner)) {
                target = inner;
            }
            if (target != null && ours(target.getClass()) && !target.getClass().isRecord()) {
                holders.add(target);
            }
        }
        return new ArrayList<>(holders);
    }

    /**
     * Hands the changed record, and those of its nested records that changed, to every field holding the running
     * ones; the number of fields changed.
     */
    private int handOver(List<Object> holders, Object running, Object changed) {
        Map<Object, Object> replacements = new IdentityHashMap<>();
        replacements.put(running, changed);
        Set<Object> parts = Collections.newSetFromMap(new IdentityHashMap<>());
        for (RecordComponent component : running.getClass().getRecordComponents()) {
            Object before = value(component, running);
            Object after = value(component, changed);
            if (before != null && before.getClass().isRecord()) {
                parts.add(before);
                if (!before.equals(after)) {
                    replacements.put(before, after);
                }
            }
        }
        int fields = 0;
        for (Object holder : holders) {
            boolean holds = false;
            boolean takes = false;
            for (Class<?> type = holder.getClass(); type != null && ours(type); type = type.getSuperclass()) {
                takes |= Arrays.stream(type.getDeclaredConstructors()).anyMatch(
                        constructor -> Arrays.asList(constructor.getParameterTypes()).contains(running.getClass()));
                for (Field field : type.getDeclaredFields()) {
                    Object value = Modifier.isStatic(field.getModifiers()) ? null : get(holder, field);
                    if (value != null && replacements.containsKey(value)) {
                        set(holder, field, replacements.get(value));
                        handovers.add(new Handover(holder, field, value));
                        fields++;
                    }
                    holds |= value != null && (value == running || parts.contains(value));
                }
            }
            if (takes && !holds) {
                undo();
                throw new IllegalStateException("@WithSettings: " + holder.getClass().getName() + " reads "
                        + running.getClass().getSimpleName() + " once, in its constructor; use @TestPropertySource");
            }
        }
        return fields;
    }

    private static Object value(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the key names one of the record's components, under its prefix (kebab-case, as in the YAML). */
    private static boolean owns(Class<?> settings, String prefix, String key) {
        if (!key.startsWith(prefix + ".")) {
            return false;
        }
        String component = key.substring(prefix.length() + 1).split("\\.")[0];
        return Arrays.stream(settings.getRecordComponents())
                .anyMatch(c -> c.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase().equals(component));
    }

    private static boolean ours(Class<?> type) {
        return type.getName().startsWith("app.roster.");
    }

    private static Object get(Object holder, Field field) {
        try {
            field.setAccessible(true);
            return field.get(holder);
        } catch (IllegalAccessException | RuntimeException e) {
            return null;
        }
    }

    private static void set(Object holder, Field field, Object value) {
        try {
            field.set(holder, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("@WithSettings cannot change " + field + " (a record's field?)", e);
        }
    }
}

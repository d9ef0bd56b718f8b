package com.clearskin.platform.web;

import com.clearskin.platform.InputRules;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.jackson.JsonNodeDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@link InputRules} for every JSON value the application reads, once, whatever type it is read
 * into: no NUL in a string value or an object key (into text, a map, a tree or a plain object), and
 * no date or instant outside the sane years, and no null inside a list or a map. A refused value is a {@link RefusedValueException}, which
 * Jackson gives the path of the field; {@link ErrorHandling} names that field.
 */
@Component
class InputJsonModule extends SimpleModule {

    InputJsonModule() {
        super("clearskin-input-rules");
        setDeserializerModifier(new Rules());
        // A tree is read by its own deserializer, which no modifier sees (json.readTree(body) included).
        for (Class<? extends JsonNode> tree : List.of(JsonNode.class, ObjectNode.class, ArrayNode.class)) {
            addTreeDeserializer(tree);
        }
    }

    @SuppressWarnings("unchecked")
    private <T extends JsonNode> void addTreeDeserializer(Class<T> tree) {
        addDeserializer(tree, (ValueDeserializer<T>) (ValueDeserializer<?>) new Checked(JsonNodeDeserializer.getDeserializer(tree)));
    }

    /**
     * A null inside a list or a map is refused with the path of that entry ({@code minimumAge.botox: must
     * not be null}): every list and map the application reads is copied ({@code List.copyOf}), which
     * would throw on it instead.
     */
    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        for (Class<?> container : List.of(Map.class, List.class, Set.class, Collection.class)) {
            context.configOverride(container).setNullHandling(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        }
    }

    /** A value a rule of {@link InputRules} refuses; the message is the reason, the path the field. */
    static final class RefusedValueException extends MismatchedInputException {
        RefusedValueException(JsonParser p, String reason) {
            super(p, reason);
        }
    }

    private static final class Rules extends ValueDeserializerModifier {
        @Override
        public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier bean,
                ValueDeserializer<?> deserializer) {
            Class<?> type = bean.getBeanClass();
            if (type == String.class || type == Object.class || JsonNode.class.isAssignableFrom(type)
                    || type == LocalDate.class || type == Instant.class || type == OffsetDateTime.class
                    || type == ZonedDateTime.class || type == LocalDateTime.class) {
                return new Checked(deserializer);
            }
            return deserializer;
        }

        @Override
        public KeyDeserializer modifyKeyDeserializer(DeserializationConfig config, JavaType type,
                KeyDeserializer deserializer) {
            return new CheckedKey(deserializer);
        }
    }

    /** Reads as the standard deserializer does, then applies the rules to what it read. */
    private static final class Checked extends DelegatingDeserializer {
        Checked(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Checked(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            return check(p, super.deserialize(p, ctxt));
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt, Object into) {
            return check(p, super.deserialize(p, ctxt, into));
        }
    }

    /** An object key is text too: a map's key is refused as its value would be. */
    private static final class CheckedKey extends KeyDeserializer {
        private final KeyDeserializer delegate;

        CheckedKey(KeyDeserializer delegate) {
            this.delegate = delegate;
        }

        @Override
        public void resolve(DeserializationContext ctxt) {
            delegate.resolve(ctxt);
        }

        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) {
            if (InputRules.containsNul(key)) {
                throw new RefusedValueException(ctxt.getParser(), InputRules.NUL_REASON);
            }
            return delegate.deserializeKey(key, ctxt);
        }
    }

    /** The value as read, or a {@link RefusedValueException} with the path inside it to what breaks a rule. */
    static Object check(JsonParser p, Object value) {
        RefusedValueException refused = refusal(p, value);
        if (refused != null) {
            throw refused;
        }
        return value;
    }

    private static RefusedValueException refusal(JsonParser p, Object value) {
        if (value instanceof CharSequence text) {
            return InputRules.containsNul(text) ? new RefusedValueException(p, InputRules.NUL_REASON) : null;
        }
        if (value instanceof LocalDate date) {
            return InputRules.isSaneDate(date) ? null : new RefusedValueException(p, InputRules.DATE_REASON);
        }
        if (value instanceof Instant instant) {
            return InputRules.isSaneInstant(instant) ? null : new RefusedValueException(p, InputRules.DATE_REASON);
        }
        if (value instanceof OffsetDateTime time) {
            return refusal(p, time.toInstant());
        }
        if (value instanceof ZonedDateTime time) {
            return refusal(p, time.toInstant());
        }
        if (value instanceof LocalDateTime time) {
            return refusal(p, time.toLocalDate());
        }
        if (value instanceof JsonNode node) {
            return refusalInTree(p, node);
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (InputRules.containsNul(key)) {
                    return new RefusedValueException(p, InputRules.NUL_REASON);
                }
                RefusedValueException inside = refusal(p, e.getValue());
                if (inside != null) {
                    inside.prependPath(map, key);
                    return inside;
                }
            }
        }
        if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                RefusedValueException inside = refusal(p, item);
                if (inside != null) {
                    inside.prependPath(list, i);
                    return inside;
                }
                i++;
            }
        }
        return null;
    }

    private static RefusedValueException refusalInTree(JsonParser p, JsonNode node) {
        if (node.isString()) {
            return InputRules.containsNul(node.asString()) ? new RefusedValueException(p, InputRules.NUL_REASON) : null;
        }
        if (node.isObject()) {
            for (var property : node.properties()) {
                if (InputRules.containsNul(property.getKey())) {
                    return new RefusedValueException(p, InputRules.NUL_REASON);
                }
                RefusedValueException inside = refusalInTree(p, property.getValue());
                if (inside != null) {
                    inside.prependPath(node, property.getKey());
                    return inside;
                }
            }
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                RefusedValueException inside = refusalInTree(p, node.get(i));
                if (inside != null) {
                    inside.prependPath(node, i);
                    return inside;
                }
            }
        }
        return null;
    }
}

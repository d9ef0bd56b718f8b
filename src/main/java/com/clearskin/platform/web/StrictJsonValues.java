package com.clearskin.platform.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * A yes-or-no field of a JSON body takes only {@code true} or {@code false}: a number (1, 0) is a
 * 400 naming the field, never read as a choice the client did not make. (Whole numbers refuse 2.5
 * likewise: {@code spring.jackson.deserialization.accept-float-as-int=false}.)
 */
@Component
class StrictJsonValues implements JsonMapperBuilderCustomizer {

    @Override
    public void customize(JsonMapper.Builder builder) {
        builder.withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
    }
}

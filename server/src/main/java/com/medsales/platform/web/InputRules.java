package com.medsales.platform.web;

import com.medsales.shared.NulBytes;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.converter.Converter;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * What every value of a request must be, however it arrives: text without NUL, numbers finite and
 * in range ({@link FiniteNumbers}). Jackson applies them to every JSON string and number it reads
 * (a refusal is a 400 naming the field); the converters apply them to every query parameter bound
 * to a number.
 */
final class InputRules {

  private InputRules() {}

  /**
   * Replaces Jackson's deserializers of strings and of inexact and exact decimals with ones that
   * check first.
   */
  static SimpleModule jacksonModule() {
    var module = new SimpleModule("medsales-input-rules");
    module.addDeserializer(String.class, new NulFreeStrings());
    module.addDeserializer(Double.class, new FiniteDoubles(Double.class, null));
    module.addDeserializer(Double.TYPE, new FiniteDoubles(Double.TYPE, 0.0));
    module.addDeserializer(Float.class, new FiniteFloats(Float.class, null));
    module.addDeserializer(Float.TYPE, new FiniteFloats(Float.TYPE, 0.0f));
    module.addDeserializer(BigDecimal.class, new BoundedDecimals());
    return module;
  }

  static final class NulFreeStrings extends StringDeserializer {
    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) {
      String value = super.deserialize(p, ctxt);
      String problem = value == null ? null : NulBytes.problem(value);
      if (problem != null) {
        return (String) ctxt.reportInputMismatch(this, problem);
      }
      return value;
    }
  }

  static final class FiniteDoubles extends NumberDeserializers.DoubleDeserializer {
    FiniteDoubles(Class<Double> type, @Nullable Double nullValue) {
      super(type, nullValue);
    }

    @Override
    public Double deserialize(JsonParser p, DeserializationContext ctxt) {
      Double value = super.deserialize(p, ctxt);
      String problem = value == null ? null : FiniteNumbers.problem(value);
      if (problem != null) {
        return (Double) ctxt.reportInputMismatch(this, problem);
      }
      return value;
    }
  }

  static final class FiniteFloats extends NumberDeserializers.FloatDeserializer {
    FiniteFloats(Class<Float> type, @Nullable Float nullValue) {
      super(type, nullValue);
    }

    @Override
    public Float deserialize(JsonParser p, DeserializationContext ctxt) {
      Float value = super.deserialize(p, ctxt);
      String problem = value == null ? null : FiniteNumbers.problem(value);
      if (problem != null) {
        return (Float) ctxt.reportInputMismatch(this, problem);
      }
      return value;
    }
  }

  static final class BoundedDecimals extends NumberDeserializers.BigDecimalDeserializer {
    @Override
    public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) {
      BigDecimal value = super.deserialize(p, ctxt);
      String problem = value == null ? null : FiniteNumbers.problem(value);
      if (problem != null) {
        return (BigDecimal) ctxt.reportInputMismatch(this, problem);
      }
      return value;
    }
  }

  /** Query parameters bound to a {@code Double}: as Spring's own converter, then the rule. */
  static final class DoubleParameters implements Converter<String, @Nullable Double> {
    @Override
    public @Nullable Double convert(String source) {
      String text = source.strip();
      if (text.isEmpty()) {
        return null;
      }
      double value = Double.parseDouble(text);
      String problem = FiniteNumbers.problem(value);
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
      return value;
    }
  }

  static final class FloatParameters implements Converter<String, @Nullable Float> {
    @Override
    public @Nullable Float convert(String source) {
      Double value = new DoubleParameters().convert(source);
      return value == null ? null : value.floatValue();
    }
  }

  static final class DecimalParameters implements Converter<String, @Nullable BigDecimal> {
    @Override
    public @Nullable BigDecimal convert(String source) {
      String text = source.strip();
      if (text.isEmpty()) {
        return null;
      }
      // a number's text is short: a longer one (1e999999999 needs none, but 0.000…1 does) is
      // refused unparsed
      if (text.length() > 40) {
        throw new IllegalArgumentException("must be a number of at most 40 characters");
      }
      BigDecimal value = new BigDecimal(text);
      String problem = FiniteNumbers.problem(value);
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
      return value;
    }
  }
}

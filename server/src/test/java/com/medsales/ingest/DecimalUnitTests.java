package com.medsales.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalUnitTests {

  private static Decimal parse(String text) {
    byte[] bytes = ("[" + text + "]").getBytes(StandardCharsets.US_ASCII);
    return Decimal.parse(bytes, 1, bytes.length - 1);
  }

  private static boolean isPlain(String text) {
    byte[] bytes = ("[" + text + "]").getBytes(StandardCharsets.US_ASCII);
    return Decimal.isPlain(bytes, 1, bytes.length - 1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0",
        "12",
        "-3",
        "+4",
        "1234.56",
        ".5",
        "5.",
        "-0.001",
        "-0",
        "-0.00",
        "007",
        "142.14",
        "999999999999999999",
        "-99999999999999999.9"
      })
  void plainDecimalsReadAsBigDecimalReadsThemScaleAndAll(String text) {
    assertThat(parse(text).toBigDecimal())
        .isEqualTo(new BigDecimal(text)); // equals: the same scale too
    assertThat(parse(text).toBigDecimal().toPlainString())
        .isEqualTo(new BigDecimal(text).toPlainString());
    assertThat(isPlain(text)).isEqualTo(YearlyCsv.isDecimal(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "-",
        ".",
        "1,234",
        "12a",
        "1.2.3",
        "1E5",
        "2.5e-3",
        "1234567890123456789",
        " 1",
        "--1"
      })
  void anythingElseIsLeftToBigDecimal(String text) {
    assertThat(parse(text)).isNull();
  }

  @Test
  void plainDecimalsOfAnyLengthAreNumbersToo() {
    assertThat(isPlain("1234567890123456789012345")).isTrue();
    assertThat(isPlain("1E5")).isFalse(); // a number, but not plain: YearlyCsv.isDecimal decides
  }

  @Test
  void sumsAndOrderAreExactlyBigDecimalsOnRandomAmounts() {
    var random = new Random(7);
    for (int run = 0; run < 2000; run++) {
      var sum = new Decimal.Sum();
      BigDecimal expected = BigDecimal.ZERO;
      List<Decimal> values = new ArrayList<>();
      List<BigDecimal> bigs = new ArrayList<>();
      for (int i = random.nextInt(40); i > 0; i--) {
        String text = randomAmount(random);
        Decimal value = parse(text) != null ? parse(text) : Decimal.of(new BigDecimal(text));
        sum.add(value);
        expected = expected.add(new BigDecimal(text));
        values.add(value);
        bigs.add(new BigDecimal(text));
      }
      assertThat(sum.value()).isEqualTo(expected);
      for (int i = 1; i < values.size(); i++) {
        assertThat(Integer.signum(values.get(i).compareTo(values.get(i - 1))))
            .isEqualTo(Integer.signum(bigs.get(i).compareTo(bigs.get(i - 1))));
      }
    }
  }

  @Test
  void aSumBeyondALongCarriesOnExactly() {
    var sum = new Decimal.Sum();
    for (int i = 0; i < 20; i++) {
      sum.add(parse("999999999999999999"));
    }
    sum.add(parse("0.00000000000000001"));
    assertThat(sum.value()).isEqualTo(new BigDecimal("19999999999999999980.00000000000000001"));
    // within a long, until the larger scale does not fit one
    var scaled = new Decimal.Sum();
    scaled.add(parse("999999999999999999"));
    scaled.add(parse("0.00000000000000001"));
    assertThat(scaled.value()).isEqualTo(new BigDecimal("999999999999999999.00000000000000001"));
  }

  private static String randomAmount(Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> Integer.toString(random.nextInt(100_000));
      case 1 -> random.nextInt(100_000) + "." + String.format("%02d", random.nextInt(100));
      case 2 -> "-" + random.nextInt(1000) + "." + random.nextInt(10);
      case 3 -> Long.toString(random.nextLong(1_000_000_000_000_000_000L)); // up to 18 digits
      case 4 -> "0." + "0".repeat(random.nextInt(17)) + (1 + random.nextInt(9));
      default -> random.nextInt(100) + "E" + random.nextInt(4); // not plain: a BigDecimal inside
    };
  }
}

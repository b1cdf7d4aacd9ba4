package com.trackagoat.compliance.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void plainFieldsAreWrittenAsTheyAreAndARecordEndsInCrlf() {
        assertThat(Csv.line(List.of("goal", "creator3", 42L, new BigDecimal("52.5"))))
                .isEqualTo("goal,creator3,42,52.5\r\n");
    }

    @Test
    void aFieldWithACommaQuoteOrLineBreakIsQuotedWithItsQuotesDoubled() {
        assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.field("cr\rhere")).isEqualTo("\"cr\rhere\"");
    }

    @Test
    void textAFormulaCouldStartWithIsPrefixedWithAQuote() {
        assertThat(Csv.field("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(Csv.field("+1")).isEqualTo("'+1");
        assertThat(Csv.field("-2+3")).isEqualTo("'-2+3");
        assertThat(Csv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.field("\tcmd")).isEqualTo("'\tcmd");
        assertThat(Csv.field("a=b")).isEqualTo("a=b");
    }

    @Test
    void numbersAreTheConsolesOwnAndStayNumbersEvenWhenNegative() {
        assertThat(Csv.field(-12L)).isEqualTo("-12");
    }

    @Test
    void nullAndEmptyAreEmptyFields() {
        assertThat(Csv.line(Arrays.asList("a", null, "", "b"))).isEqualTo("a,,,b\r\n");
    }

    @Test
    void htmlInAHandleIsJustText() {
        assertThat(Csv.field("<script>alert(1)</script>")).isEqualTo("<script>alert(1)</script>");
    }
}

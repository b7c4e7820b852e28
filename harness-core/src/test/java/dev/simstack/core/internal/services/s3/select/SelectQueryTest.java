package dev.simstack.core.internal.services.s3.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.AwsException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The query language and the CSV reader without the wire: precedence, null logic, quoting rules. */
class SelectQueryTest {

    private static final CsvFormat CSV = new CsvFormat(",", "\n", '"', '"', null, false, "USE", false);

    @Test
    void and_binds_tighter_than_or_and_not_applies_to_its_predicate() {
        assertThat(names("SELECT s.n FROM S3Object s WHERE s.a = '1' OR s.a = '2' AND s.b = 'x'",
                "n,a,b\nA,1,y\nB,2,y\nC,2,x\n")).containsExactly("A", "C");
        assertThat(names("SELECT s.n FROM S3Object s WHERE NOT s.a = '1' AND s.b = 'y'", "n,a,b\nA,1,y\nB,2,y\n"))
                .containsExactly("B");
    }

    @Test
    void arithmetic_follows_precedence_and_comparisons_with_missing_values_keep_nothing() {
        assertThat(names("SELECT s.n FROM S3Object s WHERE s.a + 2 * 3 = 7", "n,a\nA,1\nB,9\n")).containsExactly("A");
        assertThat(names("SELECT s.n FROM S3Object s WHERE _9 = 'x' OR _9 <> 'x'", "n,a\nA,1\n")).isEmpty();
    }

    @Test
    void like_escapes_its_wildcards_and_a_quoted_record_delimiter_stays_in_its_field_when_allowed() {
        assertThat(names("SELECT s.n FROM S3Object s WHERE s.n LIKE '50!%%' ESCAPE '!'", "n\n50%off\n50 off\n"))
                .containsExactly("50%off");
        CsvFormat quoted = new CsvFormat(",", "\n", '"', '"', null, true, "USE", false);
        List<String> fields = new ArrayList<>();
        CsvInput.read(quoted, "n,m\n\"a\nb\",\"say \"\"hi\"\"\"\n", r -> fields.addAll(((CsvRecord) r).fields()));
        assertThat(fields).containsExactly("a\nb", "say \"hi\"");
    }

    @Test
    void a_quoted_name_matches_its_case_exactly_and_an_unquoted_one_any_case() {
        assertThat(names("SELECT s.N FROM S3Object s", "n\nA\n")).containsExactly("A");
        assertThatThrownBy(() -> names("SELECT s.\"N\" FROM S3Object s", "n\nA\n")).isInstanceOfSatisfying(
                AwsException.class, e -> assertThat(e.code()).isEqualTo("MissingHeaders"));
    }

    @Test
    void a_negative_limit_and_a_star_beside_other_expressions_are_refused() {
        assertThatThrownBy(() -> SqlParser.parse("SELECT * FROM S3Object LIMIT -1")).isInstanceOfSatisfying(
                AwsException.class, e -> assertThat(e.code()).isEqualTo("EvaluatorNegativeLimit"));
        assertThatThrownBy(() -> SqlParser.parse("SELECT *, s.a FROM S3Object s")).isInstanceOfSatisfying(
                AwsException.class, e -> assertThat(e.code()).isEqualTo("ParseAsteriskIsNotAloneInSelectList"));
    }

    private static List<String> names(String sql, String csv) {
        SelectStatement statement = SqlParser.parse(sql);
        List<String> kept = new ArrayList<>();
        CsvInput.read(CSV, csv, record -> {
            if (statement.keeps(record)) {
                kept.add(SqlValues.render(statement.answer(record).values().values().iterator().next()));
            }
        });
        return kept;
    }
}

package dev.simstack.core.internal.services.s3.select;

import dev.simstack.core.internal.services.s3.select.SqlExpression.Step;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A recursive-descent parser of S3 Select's SQL subset: {@code SELECT * | expressions FROM S3Object[path]
 * [[AS] alias] [WHERE condition] [LIMIT n]}. Clauses S3 Select does not have are refused by name.
 */
final class SqlParser {

    private static final Set<String> AGGREGATES = Set.of("COUNT", "SUM", "AVG", "MIN", "MAX");
    private static final Set<String> UNSUPPORTED = Set.of("GROUP", "ORDER", "HAVING", "JOIN", "UNION", "DISTINCT",
            "OFFSET", "INTERSECT", "EXCEPT");
    private static final Set<String> RESERVED = Set.of("SELECT", "FROM", "WHERE", "LIMIT", "AND", "OR", "NOT", "AS",
            "LIKE", "BETWEEN", "IN", "IS", "ESCAPE");
    private static final Set<String> COMPARISONS = Set.of("=", "!=", "<>", "<", "<=", ">", ">=");

    private final List<Token> tokens;
    private int at;
    private String alias;

    private SqlParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static SelectStatement parse(String sql) {
        return new SqlParser(SqlLexer.tokens(sql)).statement();
    }

    private SelectStatement statement() {
        expectKeyword("SELECT");
        int selectList = at;
        at = fromClause();
        expectKeyword("FROM");
        List<Step> source = source();
        alias = aliasName();
        int afterFrom = at;
        at = selectList;
        List<SelectStatement.Projection> projections = selectList();
        at = afterFrom;
        SqlExpression where = null;
        if (peek().is("WHERE")) {
            at++;
            where = expression();
        }
        Integer limit = null;
        if (peek().is("LIMIT")) {
            at++;
            limit = limit();
        }
        if (peek().kind() != Token.Kind.END) {
            throw unexpected(peek());
        }
        return new SelectStatement(projections, source, where, limit);
    }

    /** Where FROM is, at depth 0, so the alias is known before the select list's paths are read. */
    private int fromClause() {
        int depth = 0;
        for (int i = at; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth == 0 && token.is("FROM")) {
                return i;
            }
        }
        throw SelectErrors.of("ParseSelectMissingFrom", "Missing FROM after the SELECT list.");
    }

    private List<Step> source() {
        Token object = next();
        if (!object.is("S3Object")) {
            throw SelectErrors.of("MultipleDataSourcesUnsupported", "The FROM clause must name S3Object, not "
                    + object.text() + ".");
        }
        return steps(new ArrayList<>());
    }

    private String aliasName() {
        if (peek().is("AS")) {
            at++;
            return identifier().text();
        }
        Token token = peek();
        boolean name = token.kind() == Token.Kind.QUOTED_IDENTIFIER || token.kind() == Token.Kind.IDENTIFIER
                && !RESERVED.contains(token.text().toUpperCase(Locale.ROOT)) && !isUnsupported(token);
        if (name) {
            at++;
            return token.text();
        }
        return null;
    }

    private List<SelectStatement.Projection> selectList() {
        List<SelectStatement.Projection> projections = new ArrayList<>();
        if (peek().isSymbol("*")) {
            at++;
            if (!peek().is("FROM")) {
                throw SelectErrors.of("ParseAsteriskIsNotAloneInSelectList", "Other expressions are not allowed in"
                        + " the SELECT list when '*' is used without dot notation in the SQL expression.");
            }
            return projections;
        }
        do {
            SqlExpression expression = expression();
            String name = null;
            if (peek().is("AS")) {
                at++;
                name = identifier().text();
            }
            projections.add(new SelectStatement.Projection(expression, name));
        } while (accept(","));
        if (!peek().is("FROM")) {
            throw unexpected(peek());
        }
        return projections;
    }

    private Integer limit() {
        boolean negative = accept("-");
        Token number = next();
        if (number.kind() != Token.Kind.NUMBER || number.text().contains(".")) {
            throw SelectErrors.of("ParseExpectedNumber", "Expected a number after LIMIT, found " + number.text()
                    + ".");
        }
        if (negative) {
            throw SelectErrors.of("EvaluatorNegativeLimit", "The LIMIT clause must not be negative.");
        }
        return Integer.valueOf(number.text());
    }

    SqlExpression expression() {
        SqlExpression left = conjunction();
        while (peek().is("OR")) {
            at++;
            left = new SqlExpression.Binary("OR", left, conjunction());
        }
        return left;
    }

    private SqlExpression conjunction() {
        SqlExpression left = negation();
        while (peek().is("AND")) {
            at++;
            left = new SqlExpression.Binary("AND", left, negation());
        }
        return left;
    }

    private SqlExpression negation() {
        if (peek().is("NOT")) {
            at++;
            return new SqlExpression.Not(negation());
        }
        return predicate();
    }

    private SqlExpression predicate() {
        SqlExpression left = additive();
        Token token = peek();
        if (token.kind() == Token.Kind.SYMBOL && COMPARISONS.contains(token.text())) {
            at++;
            return new SqlExpression.Binary(token.text(), left, additive());
        }
        if (token.is("IS")) {
            at++;
            boolean negated = acceptKeyword("NOT");
            Token what = next();
            if (!what.is("NULL") && !what.is("MISSING")) {
                throw unexpected(what);
            }
            return new SqlExpression.Is(left, what.is("MISSING"), negated);
        }
        boolean negated = acceptKeyword("NOT");
        if (acceptKeyword("LIKE")) {
            SqlExpression pattern = additive();
            return new SqlExpression.Like(left, pattern, acceptKeyword("ESCAPE") ? additive() : null, negated);
        }
        if (acceptKeyword("BETWEEN")) {
            SqlExpression low = additive();
            expectKeyword("AND");
            return new SqlExpression.Between(left, low, additive(), negated);
        }
        if (acceptKeyword("IN")) {
            expect("(");
            List<SqlExpression> options = new ArrayList<>();
            do {
                options.add(expression());
            } while (accept(","));
            expect(")");
            return new SqlExpression.In(left, options, negated);
        }
        if (negated) {
            throw unexpected(peek());
        }
        return left;
    }

    private SqlExpression additive() {
        SqlExpression left = multiplicative();
        while (peek().isSymbol("+") || peek().isSymbol("-") || peek().isSymbol("||")) {
            left = new SqlExpression.Binary(next().text(), left, multiplicative());
        }
        return left;
    }

    private SqlExpression multiplicative() {
        SqlExpression left = unary();
        while (peek().isSymbol("*") || peek().isSymbol("/") || peek().isSymbol("%")) {
            left = new SqlExpression.Binary(next().text(), left, unary());
        }
        return left;
    }

    private SqlExpression unary() {
        if (accept("-")) {
            return new SqlExpression.Negate(unary());
        }
        return primary();
    }

    private SqlExpression primary() {
        Token token = next();
        switch (token.kind()) {
            case NUMBER:
                return new SqlExpression.Literal(new BigDecimal(token.text()));
            case STRING:
                return new SqlExpression.Literal(token.text());
            case SYMBOL:
                if (token.text().equals("(")) {
                    SqlExpression inner = expression();
                    expect(")");
                    return inner;
                }
                throw unexpected(token);
            case QUOTED_IDENTIFIER:
                return path(token);
            case IDENTIFIER:
                return identifierExpression(token);
            default:
                throw SelectErrors.of("ParseExpectedExpression", "Expected an expression at the end of the SQL"
                        + " expression.");
        }
    }

    private SqlExpression identifierExpression(Token token) {
        String word = token.text().toUpperCase(Locale.ROOT);
        switch (word) {
            case "TRUE", "FALSE":
                return new SqlExpression.Literal(Boolean.valueOf(word.equals("TRUE")));
            case "NULL":
                return new SqlExpression.Literal(null);
            case "MISSING":
                return new SqlExpression.Literal(SqlValues.MISSING);
            case "CAST":
                expect("(");
                SqlExpression value = expression();
                expectKeyword("AS");
                String type = identifier().text();
                expect(")");
                return new SqlExpression.Cast(value, type);
            default:
                break;
        }
        if (RESERVED.contains(word) || isUnsupported(token)) {
            throw unexpected(token);
        }
        if (peek().isSymbol("(")) {
            at++;
            return call(word);
        }
        return path(token);
    }

    private SqlExpression call(String function) {
        if (AGGREGATES.contains(function)) {
            if (function.equals("COUNT") && accept("*")) {
                expect(")");
                return new SqlExpression.Aggregate(function, null);
            }
            SqlExpression argument = expression();
            expect(")");
            return new SqlExpression.Aggregate(function, argument);
        }
        if (!ScalarFunctions.NAMES.contains(function)) {
            throw SelectErrors.unsupportedFunction(function);
        }
        List<SqlExpression> arguments = new ArrayList<>();
        if (!accept(")")) {
            do {
                arguments.add(expression());
            } while (accept(",") || acceptKeyword("FROM") || acceptKeyword("FOR"));
            expect(")");
        }
        return new SqlExpression.Call(function, arguments);
    }

    /** A path whose first name is the alias (or S3Object when there is none) starts at the record. */
    private SqlExpression path(Token first) {
        List<Step> steps = new ArrayList<>();
        boolean quoted = first.kind() == Token.Kind.QUOTED_IDENTIFIER;
        boolean root = !quoted && (alias != null ? first.text().equalsIgnoreCase(alias)
                : first.text().equalsIgnoreCase("S3Object"));
        if (!root) {
            steps.add(Step.named(first.text(), quoted));
        }
        return new SqlExpression.Path(steps(steps));
    }

    private List<Step> steps(List<Step> steps) {
        while (true) {
            if (accept(".")) {
                if (peek().isSymbol("*")) {
                    throw SelectErrors.unsupported("The wildcard path .*");
                }
                Token name = identifier();
                steps.add(Step.named(name.text(), name.kind() == Token.Kind.QUOTED_IDENTIFIER));
            } else if (accept("[")) {
                if (accept("*")) {
                    steps.add(new Step(null, false, -1, true));
                } else {
                    Token index = next();
                    if (index.kind() != Token.Kind.NUMBER || index.text().contains(".")) {
                        throw SelectErrors.of("ParseInvalidPathComponent", "Invalid path component " + index.text()
                                + ": a path index is a whole number or *.");
                    }
                    steps.add(new Step(null, false, Integer.parseInt(index.text()), false));
                }
                expect("]");
            } else {
                return steps;
            }
        }
    }

    private Token identifier() {
        Token token = next();
        if (token.kind() != Token.Kind.IDENTIFIER && token.kind() != Token.Kind.QUOTED_IDENTIFIER) {
            throw unexpected(token);
        }
        return token;
    }

    private static boolean isUnsupported(Token token) {
        return token.kind() == Token.Kind.IDENTIFIER && UNSUPPORTED.contains(token.text().toUpperCase(Locale.ROOT));
    }

    private static RuntimeException unexpected(Token token) {
        if (isUnsupported(token)) {
            return SelectErrors.unsupported(token.text().toUpperCase(Locale.ROOT));
        }
        return SelectErrors.unexpectedToken(token);
    }

    private Token peek() {
        return tokens.get(at);
    }

    private Token next() {
        Token token = tokens.get(at);
        if (token.kind() != Token.Kind.END) {
            at++;
        }
        return token;
    }

    private boolean accept(String symbol) {
        if (peek().isSymbol(symbol)) {
            at++;
            return true;
        }
        return false;
    }

    private boolean acceptKeyword(String word) {
        if (peek().is(word)) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(String symbol) {
        if (!accept(symbol)) {
            throw unexpected(peek());
        }
    }

    private void expectKeyword(String word) {
        if (!acceptKeyword(word)) {
            throw SelectErrors.of("ParseExpectedKeyword", "Expected the keyword " + word + " at column "
                    + (peek().position() + 1) + ", found " + peek().text() + ".");
        }
    }
}

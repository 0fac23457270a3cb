// SPDX-License-Identifier: Apache-2.0
#include "label_selector_parser.h"

#include "field_error.h"
#include "names.h"

#include <set>
#include <tuple>
#include <utility>

namespace emu::api {

namespace {

std::string joinParts(const std::vector<std::string> &parts, std::string_view sep)
{
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i)
        out += (i > 0 ? std::string(sep) : std::string()) + parts[i];
    return out;
}

// upstream: k8s.io/apimachinery/pkg/labels/selector.go Lexer and Parser, kept in the same
// shape so that the same inputs fail with the same messages.

enum class Token { Error, EndOfString, ClosedPar, Comma, DoesNotExist, DoubleEquals, Equals,
                   GreaterThan, Identifier, In, LessThan, NotEquals, NotIn, OpenPar };

std::optional<Token> stringToToken(std::string_view s)
{
    static constexpr std::pair<std::string_view, Token> table[] = {
        {")", Token::ClosedPar}, {",", Token::Comma}, {"!", Token::DoesNotExist},
        {"==", Token::DoubleEquals}, {"=", Token::Equals}, {">", Token::GreaterThan},
        {"in", Token::In}, {"<", Token::LessThan}, {"!=", Token::NotEquals},
        {"notin", Token::NotIn}, {"(", Token::OpenPar},
    };
    for (const auto &[text, token] : table) {
        if (text == s)
            return token;
    }
    return std::nullopt;
}

bool isWhitespace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool isSpecialSymbol(char c) { return std::string_view("=!(),><").find(c) != std::string_view::npos; }

struct ScannedItem
{
    Token token;
    std::string literal;
};

std::vector<ScannedItem> lex(std::string_view s)
{
    std::vector<ScannedItem> items;
    std::size_t pos = 0;
    // read() returns 0 past the end, like upstream
    const auto read = [&]() -> char { return pos < s.size() ? s[pos++] : '\0'; };
    while (true) {
        char ch = read();
        while (isWhitespace(ch))
            ch = read();
        if (ch == '\0') {
            items.push_back({Token::EndOfString, {}});
            return items;
        }
        --pos;
        std::string buffer;
        if (isSpecialSymbol(ch)) {
            std::optional<ScannedItem> last;
            while (true) {
                const char c = read();
                if (c == '\0')
                    break;
                if (!isSpecialSymbol(c)) {
                    --pos;
                    break;
                }
                buffer += c;
                if (const auto token = stringToToken(buffer)) {
                    last = ScannedItem{*token, buffer};
                } else if (last) {
                    --pos;
                    break;
                }
            }
            if (!last)
                items.push_back({Token::Error, "error expected: keyword found '" + buffer + "'"});
            else
                items.push_back(*last);
        } else {
            while (true) {
                const char c = read();
                if (c == '\0')
                    break;
                if (isSpecialSymbol(c) || isWhitespace(c)) {
                    --pos;
                    break;
                }
                buffer += c;
            }
            const auto keyword = stringToToken(buffer);
            items.push_back({keyword ? *keyword : Token::Identifier, buffer});
        }
    }
}

class Parser
{
public:
    explicit Parser(std::string_view text) : m_items(lex(text)) {}

    // Parses the whole input; returns an error message or nullopt.
    std::optional<std::string> parse(std::vector<LabelRequirement> &out)
    {
        while (true) {
            const auto [token, literal] = lookahead(true);
            switch (token) {
            case Token::Identifier:
            case Token::DoesNotExist: {
                std::string error;
                auto requirement = parseRequirement(error);
                if (!requirement)
                    return "unable to parse requirement: " + error;
                out.push_back(std::move(*requirement));
                const auto [t, l] = consume(true);
                if (t == Token::EndOfString)
                    return std::nullopt;
                if (t != Token::Comma)
                    return "found '" + l + "', expected: ',' or 'end of string'";
                const auto [t2, l2] = lookahead(true);
                if (t2 != Token::Identifier && t2 != Token::DoesNotExist)
                    return "found '" + l2 + "', expected: identifier after ','";
                break;
            }
            case Token::EndOfString:
                return std::nullopt;
            default:
                return "found '" + literal + "', expected: !, identifier, or 'end of string'";
            }
        }
    }

private:
    // In the values context, "in" and "notin" are plain identifiers ("x in (in)").
    std::pair<Token, std::string> lookahead(bool values) const
    {
        const ScannedItem &item = m_items[m_position];
        Token token = item.token;
        if (values && (token == Token::In || token == Token::NotIn))
            token = Token::Identifier;
        return {token, item.literal};
    }
    std::pair<Token, std::string> consume(bool values)
    {
        auto result = lookahead(values);
        if (m_position + 1 < m_items.size())
            ++m_position;
        return result;
    }

    std::optional<LabelRequirement> parseRequirement(std::string &error)
    {
        auto [token, key] = consume(true);
        SelectorOperator op = SelectorOperator::Equals;
        bool haveOp = false;
        if (token == Token::DoesNotExist) {
            op = SelectorOperator::DoesNotExist;
            haveOp = true;
            std::tie(token, key) = consume(true);
        }
        if (token != Token::Identifier) {
            error = "found '" + key + "', expected: identifier";
            return std::nullopt;
        }
        if (const auto errs = isQualifiedName(key); !errs.empty()) {
            // upstream validates with the parser's nil *field.Path, which prints as "<nil>"
            error = "<nil>: " + field::invalid({}, field::quote(key), joinParts(errs, "; ")).message;
            return std::nullopt;
        }
        const Token next = lookahead(true).first;
        if (!haveOp && (next == Token::EndOfString || next == Token::Comma)) {
            op = SelectorOperator::Exists;
            haveOp = true;
        }
        std::set<std::string> values;
        if (!haveOp) {
            const auto [opToken, opLiteral] = consume(false);
            switch (opToken) {
            case Token::In: op = SelectorOperator::In; break;
            case Token::Equals: op = SelectorOperator::Equals; break;
            case Token::DoubleEquals: op = SelectorOperator::DoubleEquals; break;
            case Token::GreaterThan: op = SelectorOperator::GreaterThan; break;
            case Token::LessThan: op = SelectorOperator::LessThan; break;
            case Token::NotIn: op = SelectorOperator::NotIn; break;
            case Token::NotEquals: op = SelectorOperator::NotEquals; break;
            default:
                error = "found '" + opLiteral + "', expected: in, notin, =, ==, !=, gt, lt";
                return std::nullopt;
            }
            const bool ok = (op == SelectorOperator::In || op == SelectorOperator::NotIn)
                                ? parseValues(values, error)
                                : parseExactValue(values, error);
            if (!ok)
                return std::nullopt;
        }
        auto result = LabelRequirement::make(key, op, {values.begin(), values.end()});
        if (!result) {
            std::vector<std::string> messages;
            for (const auto &e : result.errors)
                messages.push_back(e.format());
            // upstream: utilerrors.Aggregate formatting
            error = messages.size() == 1 ? messages.front() : "[" + joinParts(messages, ", ") + "]";
            return std::nullopt;
        }
        return *result.value;
    }

    bool parseValues(std::set<std::string> &values, std::string &error)
    {
        auto [token, literal] = consume(true);
        if (token != Token::OpenPar) {
            error = "found '" + literal + "' expected: '('";
            return false;
        }
        std::tie(token, literal) = lookahead(true);
        if (token == Token::Identifier || token == Token::Comma) {
            if (!parseIdentifiersList(values, error))
                return false;
            if (consume(true).first != Token::ClosedPar) {
                error = "found '" + literal + "', expected: ')'";
                return false;
            }
            return true;
        }
        if (token == Token::ClosedPar) { // "()" is the one empty value
            consume(true);
            values.insert("");
            return true;
        }
        error = "found '" + literal + "', expected: ',', ')' or identifier";
        return false;
    }

    bool parseIdentifiersList(std::set<std::string> &values, std::string &error)
    {
        while (true) {
            const auto [token, literal] = consume(true);
            if (token == Token::Identifier) {
                values.insert(literal);
                const auto [token2, literal2] = lookahead(true);
                if (token2 == Token::Comma)
                    continue;
                if (token2 == Token::ClosedPar)
                    return true;
                error = "found '" + literal2 + "', expected: ',' or ')'";
                return false;
            }
            if (token == Token::Comma) { // "(," ",," and ",)" each add the empty value
                if (values.empty())
                    values.insert("");
                const Token token2 = lookahead(true).first;
                if (token2 == Token::ClosedPar) {
                    values.insert("");
                    return true;
                }
                if (token2 == Token::Comma)
                    values.insert("");
                continue;
            }
            error = "found '" + literal + "', expected: ',', or identifier";
            return false;
        }
    }

    bool parseExactValue(std::set<std::string> &values, std::string &error)
    {
        const Token next = lookahead(true).first;
        if (next == Token::EndOfString || next == Token::Comma) {
            values.insert("");
            return true;
        }
        const auto [token, literal] = consume(true);
        if (token == Token::Identifier) {
            values.insert(literal);
            return true;
        }
        error = "found '" + literal + "', expected: identifier";
        return false;
    }

    std::vector<ScannedItem> m_items;
    std::size_t m_position = 0;
};

} // namespace

std::optional<std::string> parseLabelSelectorString(std::string_view text, std::vector<LabelRequirement> &out)
{
    return Parser(text).parse(out);
}

} // namespace emu::api

// SPDX-License-Identifier: Apache-2.0
#include "yaml_reader.h"

#include "fast_block_parser.h"
#include "json_reader.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <sstream>
#include <thread>
#include <unordered_map>
#include <unordered_set>

namespace emu::api {

namespace {

// Aliases can make a small file expand exponentially ("billion laughs"); past this many values
// copied through aliases a document is refused instead of exhausting memory. Real manifests
// use aliases sparingly, if at all.
constexpr std::size_t maxAliasedValuesPerDocument = 1'000'000;
// Streams larger than this are split across threads.
constexpr std::size_t parallelThreshold = 4 * 1024 * 1024;

struct DocumentChunk
{
    std::string_view text;
    std::uint32_t lineOffset = 0;
};

/// Builds Values from yaml-cpp's parse events: no YAML::Node is ever created, which is both
/// faster and lighter, and keeps every scalar's source text.
/// Thrown from inside yaml-cpp's callbacks to stop a parser that no longer makes progress.
struct ParserLoopDetected
{};

class ValueBuilder : public YAML::EventHandler
{
public:
    ValueBuilder(const std::string &file, std::string_view source, std::uint32_t lineOffset,
                 YamlReader::Result &result)
        : m_file(file), m_source(source), m_lineOffset(lineOffset), m_result(result)
        // YAML yields at most about two events per character; yaml-cpp 0.7 can loop forever
        // emitting empty documents on some malformed input (e.g. "{},\n{"). The budget turns
        // that hang into an error.
        , m_eventBudget(4 * source.size() + 256)
    {}

    void OnDocumentStart(const YAML::Mark &mark) override
    {
        countEvent();
        m_stack.clear();
        m_anchors.clear();
        m_aliasedValues = 0;
        m_documentPos = toPos(mark);
        m_hasRoot = false;
        m_aborted = false;
    }

    void OnDocumentEnd() override
    {
        countEvent();
        if (m_hasRoot && !m_aborted && !m_root.isNull())
            m_result.documents.push_back({std::move(m_root), m_documentPos});
        m_root = Value();
        m_hasRoot = false;
    }

    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        countEvent();
        add(Value::null(toPos(mark)), anchor);
    }

    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        countEvent();
        auto it = m_anchors.find(anchor);
        if (it == m_anchors.end()) {
            error(mark, "unknown alias");
            return;
        }
        m_aliasedValues += it->second.count;
        if (m_aliasedValues > maxAliasedValuesPerDocument) {
            error(mark, "document too large after expanding aliases");
            return;
        }
        Value copy = it->second.value;
        copy.setPos(toPos(mark));
        add(std::move(copy), 0);
    }

    void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                  const std::string &value) override
    {
        countEvent();
        const SourcePos pos = toPos(mark);
        if (tag == "?") {
            add(Value::plainScalar(value, pos), anchor);
        } else if (tag == "!" || tag == "tag:yaml.org,2002:str" || tag == "!!str") {
            if (!checkEscapes(mark))
                return;
            // Non-plain (quoted or block) scalars are always strings.
            const bool multiLine = value.find('\n') != std::string::npos;
            add(Value::scalar(ValueKind::String, value,
                              multiLine ? ScalarStyle::Literal : ScalarStyle::DoubleQuoted, pos),
                anchor);
        } else if (tag == "tag:yaml.org,2002:int" || tag == "tag:yaml.org,2002:float"
                   || tag == "tag:yaml.org,2002:bool" || tag == "tag:yaml.org,2002:null") {
            add(Value::plainScalar(value, pos), anchor);
        } else {
            // Other explicit tags (e.g. !!binary, custom ones): keep the text as a string.
            add(Value::scalar(ValueKind::String, value, ScalarStyle::DoubleQuoted, pos), anchor);
        }
    }

    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override
    {
        countEvent();
        m_stack.push_back({Value::sequence(toPos(mark)), anchor, std::nullopt});
    }

    void OnSequenceEnd() override
    {
        countEvent();
        closeCollection();
    }

    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override
    {
        countEvent();
        m_stack.push_back({Value::mapping(toPos(mark)), anchor, std::nullopt});
    }

    void OnMapEnd() override
    {
        countEvent();
        if (!m_stack.empty() && m_stack.back().value.isMapping())
            finishMapping(m_stack.back());
        closeCollection();
    }

private:
    struct Frame
    {
        Value value;
        YAML::anchor_t anchor = 0;
        std::optional<Value> pendingKey;
    };

    void countEvent()
    {
        if (++m_events > m_eventBudget)
            throw ParserLoopDetected();
    }

    SourcePos toPos(const YAML::Mark &mark) const
    {
        if (mark.line < 0)
            return {};
        return {static_cast<std::uint32_t>(mark.line) + 1 + m_lineOffset,
                static_cast<std::uint32_t>(mark.column) + 1};
    }

    // yaml-cpp accepts escapes YAML does not define (such as \\' in double quotes); go-yaml,
    // and so kubectl, refuse them. Check the source of each double-quoted scalar.
    bool checkEscapes(const YAML::Mark &mark)
    {
        if (mark.pos < 0 || static_cast<std::size_t>(mark.pos) >= m_source.size()
            || m_source[static_cast<std::size_t>(mark.pos)] != '"')
            return true;
        static constexpr std::string_view validEscapes = "0abt\tnvfre \"/\\N_LPxuU\n\r";
        for (std::size_t i = static_cast<std::size_t>(mark.pos) + 1; i < m_source.size(); ++i) {
            const char c = m_source[i];
            if (c == '"')
                return true;
            if (c != '\\')
                continue;
            if (i + 1 >= m_source.size())
                return true;
            const char e = m_source[++i];
            if (validEscapes.find(e) == std::string_view::npos) {
                YAML::Mark at = mark;
                at.pos = static_cast<int>(i);
                const std::string_view before = m_source.substr(0, i);
                const std::size_t lineStart = before.rfind('\n');
                at.line = mark.line + static_cast<int>(std::count(
                              before.begin() + mark.pos, before.end(), '\n'));
                at.column = static_cast<int>(lineStart == std::string_view::npos ? i - 1
                                                                                 : i - lineStart - 2);
                error(at, std::string("yaml: found unknown escape character '\\") + e
                              + "' while parsing a quoted scalar");
                return false;
            }
        }
        return true;
    }

    static std::size_t countValues(const Value &v)
    {
        std::size_t n = 1;
        if (v.isSequence()) {
            for (const Value &item : v.items())
                n += countValues(item);
        } else if (v.isMapping()) {
            for (std::size_t i = 0; i < v.size(); ++i)
                n += 1 + countValues(v.valueAt(i));
        }
        return n;
    }

    void error(const YAML::Mark &mark, const std::string &message)
    {
        if (m_aborted)
            return;
        m_aborted = true;
        m_result.diagnostics.push_back({Severity::Error, m_file, toPos(mark), pathOfStack(), message});
    }

    std::string pathOfStack() const
    {
        std::string path;
        for (const Frame &frame : m_stack) {
            if (frame.value.isSequence()) {
                path += '[' + std::to_string(frame.value.size()) + ']';
            } else if (frame.pendingKey) {
                if (!path.empty())
                    path += '.';
                path += frame.pendingKey->text();
            }
        }
        return path;
    }

    void add(Value value, YAML::anchor_t anchor)
    {
        if (m_aborted)
            return;
        if (anchor != 0)
            m_anchors[anchor] = {value, countValues(value)};
        if (m_stack.empty()) {
            m_root = std::move(value);
            m_hasRoot = true;
            return;
        }
        Frame &top = m_stack.back();
        if (top.value.isSequence()) {
            top.value.append(std::move(value));
        } else if (!top.pendingKey) {
            top.pendingKey = std::move(value);
        } else {
            top.value.appendEntry(std::move(*top.pendingKey), std::move(value));
            top.pendingKey.reset();
        }
    }

    void closeCollection()
    {
        if (m_stack.empty())
            return;
        Frame frame = std::move(m_stack.back());
        m_stack.pop_back();
        add(std::move(frame.value), frame.anchor);
    }

    // Duplicate keys are an error (sigs.k8s.io/yaml strict decoding, kubectl refuses them),
    // and `<<` merge keys are expanded as go-yaml does.
    void finishMapping(Frame &frame)
    {
        Value &map = frame.value;
        const std::size_t n = map.size();
        if (n > 1) {
            std::unordered_set<std::string_view> seen;
            seen.reserve(n);
            for (std::size_t i = 0; i < n; ++i) {
                const Value &key = map.keyAt(i);
                if (!key.isScalar())
                    continue;
                if (!seen.insert(key.text()).second) {
                    std::string path = pathOfStack();
                    path += (path.empty() ? "" : ".") + key.text();
                    // The same key twice with the same value is harmless and common in old
                    // examples; with another value one of them is silently lost, so refuse it.
                    const Value *first = map.find(key.text());
                    const bool same = first && *first == map.valueAt(i);
                    m_result.diagnostics.push_back(
                        {same ? Severity::Warning : Severity::Error, m_file, key.pos(), path,
                         same ? "duplicate key \"" + key.text() + "\" (same value repeated)"
                              : "duplicate key \"" + key.text() + "\" with a different value"});
                }
            }
        }
        const Value *merge = map.find("<<");
        if (merge && map.keyAt(0).style() == ScalarStyle::Plain)
            expandMerge(map);
    }

    static void expandMerge(Value &map)
    {
        Value merged = Value::mapping(map.pos());
        const Value *source = map.find("<<");
        std::vector<const Value *> sources;
        if (source->isMapping())
            sources.push_back(source);
        else if (source->isSequence())
            for (const Value &item : source->items())
                if (item.isMapping())
                    sources.push_back(&item);
        for (std::size_t i = 0; i < map.size(); ++i)
            if (map.keyAt(i).text() != "<<")
                merged.appendEntry(map.keyAt(i), map.valueAt(i));
        for (const Value *s : sources)
            for (std::size_t i = 0; i < s->size(); ++i)
                if (!merged.contains(s->keyAt(i).text()))
                    merged.appendEntry(s->keyAt(i), s->valueAt(i));
        map = std::move(merged);
    }

    const std::string &m_file;
    std::string_view m_source;
    std::uint32_t m_lineOffset;
    YamlReader::Result &m_result;
    std::vector<Frame> m_stack;
    struct Anchored
    {
        Value value;
        std::size_t count = 0;
    };
    std::unordered_map<YAML::anchor_t, Anchored> m_anchors;
    Value m_root;
    SourcePos m_documentPos;
    std::size_t m_aliasedValues = 0;
    bool m_hasRoot = false;
    bool m_aborted = false;
    std::size_t m_events = 0;
    std::size_t m_eventBudget;
};

bool isDocumentMarker(std::string_view line)
{
    if (line.substr(0, 3) != "---")
        return false;
    return line.size() == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r';
}

// A line that is exactly `---` (optionally followed by a space and more) starts a new document
// in every YAML context (the spec forbids it inside scalars), so splitting there is exact.
std::vector<DocumentChunk> splitDocuments(std::string_view text)
{
    std::vector<DocumentChunk> chunks;
    std::size_t chunkStart = 0;
    std::uint32_t chunkLine = 0;
    std::uint32_t line = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos)
            end = text.size();
        if (pos > chunkStart && isDocumentMarker(text.substr(pos, end - pos))) {
            chunks.push_back({text.substr(chunkStart, pos - chunkStart), chunkLine});
            chunkStart = pos;
            chunkLine = line;
        }
        pos = end + 1;
        ++line;
    }
    chunks.push_back({text.substr(chunkStart), chunkLine});
    return chunks;
}

void parseChunk(const DocumentChunk &chunk, const std::string &file, YamlReader::Result &result,
                bool allowFastPath)
{
    if (allowFastPath) {
        YamlReader::Result fast;
        ValueBuilder builder(file, chunk.text, chunk.lineOffset, fast);
        if (FastBlockParser::parse(chunk.text, builder)) {
            result = std::move(fast);
            return;
        }
    }
    // yaml-cpp reads from a stream; a stringstream over the chunk is the cheapest way in.
    std::istringstream stream{std::string(chunk.text)};
    ValueBuilder builder(file, chunk.text, chunk.lineOffset, result);
    try {
        YAML::Parser parser(stream);
        while (parser.HandleNextDocument(builder)) {
        }
    } catch (const ParserLoopDetected &) {
        result.documents.clear();
        result.diagnostics.push_back({Severity::Error, file, {chunk.lineOffset + 1, 1}, {},
                                      "yaml: malformed document (the parser stopped making "
                                      "progress; check for stray ',' or brackets)"});
    } catch (const YAML::Exception &e) {
        SourcePos pos;
        if (e.mark.line >= 0)
            pos = {static_cast<std::uint32_t>(e.mark.line) + 1 + chunk.lineOffset,
                   static_cast<std::uint32_t>(e.mark.column) + 1};
        result.diagnostics.push_back({Severity::Error, file, pos, {}, "yaml: " + e.msg});
    } catch (const std::exception &e) {
        result.diagnostics.push_back({Severity::Error, file, {}, {}, std::string("yaml: ") + e.what()});
    }
}

bool looksLikeJson(std::string_view text)
{
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        return c == '{' || c == '[';
    }
    return false;
}

} // namespace

YamlReader::Result YamlReader::parseYaml(std::string_view text, const std::string &file,
                                         std::uint32_t lineOffset, bool allowFastPath)
{
    std::vector<DocumentChunk> chunks = splitDocuments(text);
    for (DocumentChunk &chunk : chunks)
        chunk.lineOffset += lineOffset;

    std::vector<Result> partial(chunks.size());
    const unsigned threads = std::min<unsigned>(std::max(1u, std::thread::hardware_concurrency()), 8);
    if (text.size() < parallelThreshold || threads < 2 || chunks.size() < 2) {
        for (std::size_t i = 0; i < chunks.size(); ++i)
            parseChunk(chunks[i], file, partial[i], allowFastPath);
    } else {
        // Static interleaved partition: each thread owns whole chunks, results are merged in
        // order, so the output is identical to the sequential one.
        std::vector<std::thread> workers;
        for (unsigned t = 0; t < threads; ++t) {
            workers.emplace_back([&, t] {
                for (std::size_t i = t; i < chunks.size(); i += threads)
                    parseChunk(chunks[i], file, partial[i], allowFastPath);
            });
        }
        for (std::thread &w : workers)
            w.join();
    }

    Result result;
    std::size_t documentCount = 0;
    for (const Result &r : partial)
        documentCount += r.documents.size();
    result.documents.reserve(documentCount);
    for (Result &r : partial) {
        std::move(r.documents.begin(), r.documents.end(), std::back_inserter(result.documents));
        std::move(r.diagnostics.begin(), r.diagnostics.end(),
                  std::back_inserter(result.diagnostics));
    }
    return result;
}

YamlReader::Result YamlReader::parse(std::string_view text, const std::string &file)
{
    if (looksLikeJson(text)) {
        Diagnostic jsonError;
        if (std::optional<Value> value = JsonReader::parse(text, file, jsonError)) {
            Result result;
            const SourcePos pos = value->pos();
            result.documents.push_back({std::move(*value), pos});
            return result;
        }
        // Not strict JSON: YAML flow style (comments, trailing commas) is common in the
        // Kubernetes docs. Report the YAML error if that fails too.
    }
    return parseYaml(text, file);
}

} // namespace emu::api

// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
// After the others: Qt's moc (which reads this header through GUI and test sources) fails
// to parse libstdc++'s <concepts> when <compare> comes first.
#include <compare>

namespace emu::api {

class Value;

/// A Kubernetes resource quantity (k8s.io/apimachinery/pkg/api/resource.Quantity).
///
/// Held exactly as a signed 128-bit count of nano-units: upstream rounds anything finer than
/// 1n up (away from zero), so nothing representable upstream is lost. The magnitude is limited
/// to < 10^38 nano-units (about 10^29 units); larger inputs are rejected, where upstream would
/// keep them in an arbitrary-precision inf.Dec. Arithmetic saturates at the 128-bit limits.
///
/// Comparison and equality are by value only (upstream Cmp/Equal ignore the format).
class Quantity
{
public:
    /// How the quantity is written back (upstream resource.Format).
    enum class Format : std::uint8_t {
        DecimalExponent, ///< 12e6
        BinarySI,        ///< 12Mi (12 * 2^20)
        DecimalSI,       ///< 12M (12 * 10^6)
    };

    Quantity() = default; ///< zero, DecimalSI

    /// Parses every upstream form (`100m`, `1.5Gi`, `1e3`, `+.5`, `5.`); nullopt on error.
    static std::optional<Quantity> parse(std::string_view text);
    /// A quantity from a YAML/JSON value: a string, or a number as JSON carries it
    /// (`cpu: 1`, `memory: 1.5`); null is zero, like upstream UnmarshalJSON("null").
    static std::optional<Quantity> fromValue(const Value &value);
    /// upstream: resource.NewQuantity
    static Quantity fromValue(std::int64_t units, Format format);
    /// upstream: resource.NewMilliQuantity
    static Quantity fromMilli(std::int64_t milliUnits, Format format = Format::DecimalSI);

    /// The value in whole units, rounded away from zero (upstream Quantity.Value);
    /// saturates at the int64 limits where upstream would overflow.
    std::int64_t value() const;
    /// ceil(q * 1000), away from zero (upstream Quantity.MilliValue); saturates likewise.
    std::int64_t milliValue() const;
    /// The value in nano-units, saturated to int64 (+-9.2e9 units).
    std::int64_t nanoValue() const;

    Format format() const { return m_format; }
    void setFormat(Format format) { m_format = format; }
    bool isZero() const { return m_nanos == 0; }
    int sign() const { return m_nanos < 0 ? -1 : (m_nanos > 0 ? 1 : 0); }

    /// The canonical form (upstream CanonicalizeBytes): "1.5" -> "1500m", "1024Mi" -> "1Gi".
    /// Note: upstream String() may instead echo an input that its fast parse path already
    /// considers canonical (e.g. "+1", "01", "1.500k"); this always canonicalizes.
    std::string toString() const;

    Quantity operator-() const;
    /// upstream Add/Sub: a zero left-hand side takes the right-hand side's format.
    Quantity operator+(const Quantity &other) const;
    Quantity operator-(const Quantity &other) const;
    Quantity &operator+=(const Quantity &other) { return *this = *this + other; }
    Quantity &operator-=(const Quantity &other) { return *this = *this - other; }

    std::strong_ordering operator<=>(const Quantity &other) const;
    bool operator==(const Quantity &other) const { return m_nanos == other.m_nanos; }

private:
    __extension__ typedef __int128 Int128;

    Quantity(Int128 nanos, Format format) : m_nanos(nanos), m_format(format) {}

    Int128 m_nanos = 0;
    Format m_format = Format::DecimalSI;
};

} // namespace emu::api

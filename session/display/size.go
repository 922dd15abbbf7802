package display

import "strconv"

// Size formats a byte count with binary units and a space: "512 B",
// "1.2 KiB", "12 KiB", "64 MiB". Binary units, because every limit in the
// program is a power of two (8 MiB saved queries, 64 MiB schemas) and must
// print as a round number; one decimal below ten units, none above, truncated
// (never rounded up into the next unit). A negative n gets a leading "-".
func Size(n int64) string {
	if n < 0 {
		if n == -n {
			n++
		}
		return "-" + Size(-n)
	}
	if n < 1024 {
		return strconv.FormatInt(n, 10) + " B"
	}
	units := []string{"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"}
	div := int64(1024)
	u := 0
	for n/div >= 1024 && u < len(units)-1 {
		div *= 1024
		u++
	}
	whole := n / div
	if whole >= 10 {
		return strconv.FormatInt(whole, 10) + " " + units[u]
	}
	tenth := uint64(n%div) * 10 / uint64(div) // uint64: 10 × (2⁶⁰-1) overflows int64
	if tenth == 0 {
		return strconv.FormatInt(whole, 10) + " " + units[u]
	}
	return strconv.FormatInt(whole, 10) + "." + strconv.FormatUint(tenth, 10) + " " + units[u]
}

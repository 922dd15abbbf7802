package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// row is one line of the table: the explorer's figures, the anchor's, measured in the same rounds,
// and the goal for their ratio.
type row struct {
	name, anchorName string
	unit             string // "ms", "MiB", "%"
	goal             float64
	ours, anchor     []float64
	ratios           []float64 // per round: ours/anchor of that round
	extra            string    // a second figure for ours (peak RSS of a timed run)
	extraVals        []float64
}

func (r *row) add(ours, anchor float64) {
	r.ours = append(r.ours, ours)
	r.anchor = append(r.anchor, anchor)
	if anchor > 0 {
		r.ratios = append(r.ratios, ours/anchor)
	}
}

// median returns the median and the range of xs.
func median(xs []float64) (med, lo, hi float64) {
	if len(xs) == 0 {
		return 0, 0, 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	med = s[n/2]
	if n%2 == 0 {
		med = (s[n/2-1] + s[n/2]) / 2
	}
	return med, s[0], s[n-1]
}

func (r *row) format(xs []float64, unit string) string {
	if len(xs) == 0 {
		return "–"
	}
	m, lo, hi := median(xs)
	prec := 0
	if unit == "%" || (unit == "MiB" && m < 100) {
		prec = 1
	}
	return fmt.Sprintf("%.*f %s [%.*f–%.*f]", prec, m, unit, prec, lo, prec, hi)
}

// print writes the table in Markdown, with a verdict per row.
func printTable(w io.Writer, rows []*row, rounds int, started time.Time, loadBefore, loadAfter string) {
	fmt.Fprintf(w, "make perf, %s, %d rounds (first frame: %d pairs a round), medians [min–max]; load average before %s, after %s\n\n",
		started.UTC().Format("2006-01-02 15:04 UTC"), rounds, frameSamples, loadBefore, loadAfter)
	fmt.Fprintln(w, "| measure | explorer | anchor in the same run | ratio | goal | |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|")
	for _, r := range rows {
		ours := r.format(r.ours, r.unit)
		if len(r.extraVals) > 0 {
			ours += ", " + r.format(r.extraVals, r.extra)
		}
		anchor := r.anchorName + " " + r.format(r.anchor, r.unit)
		if r.unit == "MiB" && r.anchorName == "body" {
			m, _, _ := median(r.anchor)
			anchor = fmt.Sprintf("body %.1f MiB", m)
		}
		ratio, verdict := "–", "not measured"
		if len(r.ratios) > 0 {
			m, lo, hi := median(r.ratios)
			ratio = fmt.Sprintf("%.2f× [%.2f–%.2f]", m, lo, hi)
			verdict = "met"
			if m > r.goal {
				verdict = "**not met**"
			}
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | ≤ %s× | %s |\n", r.name, ours, anchor, ratio, trimFloat(r.goal), verdict)
	}
}

func trimFloat(f float64) string {
	return strings.TrimSuffix(strings.TrimSuffix(fmt.Sprintf("%.2f", f), "0"), ".0")
}

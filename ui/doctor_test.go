package ui

import (
	"strings"
	"testing"

	"github.com/toggle-explorer/toggle-explorer/session/doctor"
	"github.com/toggle-explorer/toggle-explorer/ui/inspector"
	"github.com/toggle-explorer/toggle-explorer/ui/internal/uitest"
)

// The root carries the inspector's request to run the doctor into a command (never running it in
// Update) and hands the finished report back to the inspector.
func TestInspectorDoctorThroughTheRoot(t *testing.T) {
	f := newFixture(t, "pw-doctor-test")
	d := newDriver(t, f, f.options(), 120, 40)
	d.login()
	d.press("f2", "4")
	var run *inspector.RunDoctorMsg
	for _, msg := range uitest.Messages(d.send(uitest.Key("D"))) {
		if r, ok := msg.(inspector.RunDoctorMsg); ok {
			run = &r
		}
	}
	if run == nil {
		t.Fatal("D on the Doctor tab asked for nothing")
	}
	if cmd := d.send(*run); cmd == nil {
		t.Fatal("the root did not start the doctor")
	}
	if v := d.m.View(); !strings.Contains(v, "Running the doctor") {
		t.Fatalf("no progress shown:\n%s", v)
	}
	d.send(inspector.DoctorDoneMsg{ID: run.ID, Report: doctor.Report{Endpoint: "http://127.0.0.1:1/graphql", Outcome: doctor.AuthFailed, Problem: "login by username failed (request #2)"}})
	if v := d.m.View(); !strings.Contains(v, "AUTH FAILED: login by username failed") {
		t.Fatalf("the report is not shown:\n%s", v)
	}
	// Closing and opening the inspector keeps the report.
	d.press("esc", "f2", "4")
	if v := d.m.View(); !strings.Contains(v, "AUTH FAILED: login by username failed") {
		t.Fatalf("the report did not survive reopening the inspector:\n%s", v)
	}
}

# toggle-explorer: the two commands a new user needs are `make run` and `make test`.
GO       ?= go
BIN      := bin/toggle-explorer
PKGS     := ./...
FUZZTIME ?= 10s

.PHONY: build run mock test test-update bench perf lint fmt-check vet cross fuzz screenshots clean

## build: compile the binary into bin/ (stripped: panics still name their functions; -buildvcs=auto
## stamps the git revision for --version even where GOFLAGS says -buildvcs=false). Static
## (CGO_ENABLED=0): no libc to find at run time, and 1.5 MB less resident (make perf, idle RSS);
## DNS and users come from Go's own resolvers.
BUILDFLAGS := -trimpath -ldflags="-s -w"
build:
	CGO_ENABLED=0 $(GO) build -buildvcs=auto $(BUILDFLAGS) -o $(BIN) .

## run: the TUI against the built-in fake Toggle API, demo credentials prefilled (press enter)
run: build
	./$(BIN) --demo

## mock: serve the fake Toggle API on 127.0.0.1:8080
mock: build
	./$(BIN) mock --addr 127.0.0.1:8080

## test: formatting, vet, the Windows and macOS builds, and every test (unit, golden, fuzz seeds,
## HTTP integration) under -race
test: fmt-check vet cross
	$(GO) test -race -count=1 $(PKGS)

## test-update: rewrite golden files from the current output (review the diff!)
test-update:
	$(GO) test $(PKGS) -update

## bench: benchmarks with allocations (editor keystroke, results scroll, round trips, 20 MB)
bench:
	$(GO) test -run '^$$' -bench . -benchmem $(PKGS)

## perf: the explorer side by side with its anchors (curl, minimal Bubble Tea, gqlparser), as a
## table of medians and ratios against performance.md's goals. The anchors are built exactly as
## the explorer is, so build flags do not move a ratio. Needs tmux and curl; about 5 min
## (PERFFLAGS="-n 3 -idle 10s" for a quicker look).
perf: build
	CGO_ENABLED=0 $(GO) build $(BUILDFLAGS) -o bin/perf/ ./cli/internal/perf/cmd/...
	./bin/perf/perf $(PERFFLAGS)

## lint: gofmt and go vet
lint: fmt-check vet

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet $(PKGS)

## cross: the code must build for Windows and macOS too (the token file lock is per platform)
cross:
	GOOS=windows GOARCH=amd64 $(GO) build $(PKGS)
	GOOS=darwin GOARCH=arm64 $(GO) build $(PKGS)

## fuzz: run every fuzz target for FUZZTIME each (seed corpora already run in `make test`)
fuzz:
	@for pkg in $$($(GO) list $(PKGS)); do \
	  for target in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$target"; \
	    $(GO) test -run '^$$' -fuzz "^$$target$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

## screenshots: drive the real binary in tmux and render PNGs into screenshots/
screenshots: build
	./screenshots/make.sh

clean:
	rm -rf bin

package schema

import (
	"github.com/vektah/gqlparser/v2/ast"
)

// repairDuplicates removes every definition that repeats an earlier one of
// the same name in the same scope, keeping the first, and returns one warning
// per removal. Scopes: types; directives (the prelude's may be redeclared, as
// gqlparser allows); the fields of a type across its definition and all its
// extensions; likewise enum values, union members and interfaces; arguments
// of a field or directive. Keeping the first matches what a reader of the SDL
// sees first, and GitHub's duplicates are identical anyway.
func repairDuplicates(doc *ast.SchemaDocument) []string {
	var warnings []string
	warn := func(p *ast.Position, msg string) { warnings = append(warnings, at(p, msg)) }

	types := make(map[string]*ast.Definition, len(doc.Definitions))
	kept := doc.Definitions[:0]
	for _, def := range doc.Definitions {
		if first, dup := types[def.Name]; dup {
			warn(def.Position, "type "+def.Name+" is defined more than once; kept the first definition"+firstAt(first.Position))
			continue
		}
		types[def.Name] = def
		kept = append(kept, def)
	}
	clear(doc.Definitions[len(kept):])
	doc.Definitions = kept

	dirs := make(map[string]*ast.DirectiveDefinition, len(doc.Directives))
	keptDirs := doc.Directives[:0]
	for _, d := range doc.Directives {
		if first, dup := dirs[d.Name]; dup && !builtIn(first.Position) && !builtIn(d.Position) {
			warn(d.Position, "directive @"+d.Name+" is defined more than once; kept the first definition"+firstAt(first.Position))
			continue
		}
		dirs[d.Name] = d
		keptDirs = append(keptDirs, d)
	}
	clear(doc.Directives[len(keptDirs):])
	doc.Directives = keptDirs
	for _, d := range doc.Directives {
		d.Arguments = dedupeArgs(d.Arguments, "@"+d.Name, warn)
	}

	// A type's members are unique across its definition and its extensions.
	parts := make(map[string][]*ast.Definition, len(doc.Definitions))
	for _, def := range doc.Definitions {
		parts[def.Name] = append(parts[def.Name], def)
	}
	for _, ext := range doc.Extensions {
		parts[ext.Name] = append(parts[ext.Name], ext)
	}
	for _, def := range doc.Definitions {
		dedupeMembers(parts[def.Name], warn)
	}
	for _, ext := range doc.Extensions {
		if types[ext.Name] == nil && parts[ext.Name][0] == ext {
			dedupeMembers(parts[ext.Name], warn) // an extension of an undefined type
		}
	}
	return warnings
}

// dedupeMembers removes repeated fields, enum values, union members and
// interfaces across the parts (definition first, then extensions) of one type.
func dedupeMembers(parts []*ast.Definition, warn func(*ast.Position, string)) {
	name := parts[0].Name
	fields := map[string]*ast.FieldDefinition{}
	values := map[string]*ast.EnumValueDefinition{}
	members := map[string]bool{}
	ifaces := map[string]bool{}
	for _, def := range parts {
		keptFields := def.Fields[:0]
		for _, f := range def.Fields {
			if first, dup := fields[f.Name]; dup {
				warn(f.Position, "field "+name+"."+f.Name+" is defined more than once; kept the first definition"+firstAt(first.Position))
				continue
			}
			fields[f.Name] = f
			f.Arguments = dedupeArgs(f.Arguments, name+"."+f.Name, warn)
			keptFields = append(keptFields, f)
		}
		clear(def.Fields[len(keptFields):])
		def.Fields = keptFields

		keptValues := def.EnumValues[:0]
		for _, v := range def.EnumValues {
			if first, dup := values[v.Name]; dup {
				warn(v.Position, "enum value "+name+"."+v.Name+" is defined more than once; kept the first definition"+firstAt(first.Position))
				continue
			}
			values[v.Name] = v
			keptValues = append(keptValues, v)
		}
		clear(def.EnumValues[len(keptValues):])
		def.EnumValues = keptValues

		dedupeUnionMembers(def, members, warn)

		keptIfaces := def.Interfaces[:0]
		for _, i := range def.Interfaces {
			if ifaces[i] {
				warn(def.Position, "type "+name+" implements "+i+" more than once; kept one")
				continue
			}
			ifaces[i] = true
			keptIfaces = append(keptIfaces, i)
		}
		def.Interfaces = keptIfaces
	}
}

// dedupeUnionMembers removes repeated union members, keeping TypePositions
// parallel to Types when the parser filled it.
func dedupeUnionMembers(def *ast.Definition, seen map[string]bool, warn func(*ast.Position, string)) {
	aligned := len(def.TypePositions) == len(def.Types)
	var types []string
	var positions []*ast.Position
	for i, t := range def.Types {
		var p *ast.Position
		if aligned {
			p = def.TypePositions[i]
		}
		if seen[t] {
			warn(orPos(p, def.Position), "union "+def.Name+" includes "+t+" more than once; kept one")
			continue
		}
		seen[t] = true
		types = append(types, t)
		positions = append(positions, p)
	}
	def.Types = types
	if aligned {
		def.TypePositions = positions
	} else {
		def.TypePositions = nil
	}
}

// dedupeArgs removes repeated arguments of owner (a field "Type.field" or a
// directive "@name").
func dedupeArgs(args ast.ArgumentDefinitionList, owner string, warn func(*ast.Position, string)) ast.ArgumentDefinitionList {
	if len(args) < 2 {
		return args
	}
	kept := args[:0]
	for i, a := range args {
		if first := args[:i].ForName(a.Name); first != nil {
			warn(a.Position, "argument "+owner+"("+a.Name+":) is defined more than once; kept the first definition"+firstAt(first.Position))
			continue
		}
		kept = append(kept, a)
	}
	clear(args[len(kept):])
	return kept
}

// firstAt describes where the kept definition is, for a warning.
func firstAt(p *ast.Position) string {
	if s := posText(p); s != "" {
		return " (" + s + ")"
	}
	return ""
}

// builtIn reports whether a position is in gqlparser's prelude.
func builtIn(p *ast.Position) bool { return p != nil && p.Src != nil && p.Src.BuiltIn }

// orPos returns p, or fallback when p is nil.
func orPos(p, fallback *ast.Position) *ast.Position {
	if p != nil {
		return p
	}
	return fallback
}

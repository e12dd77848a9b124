// TerminalGraphics draws plots and pictures as text.
//
// Goals: scatter plots by class, decision regions, line plots, RGB and
// grayscale images and grids of panels, each rendered by a pure function
// from plain Swift data (a `Figure` of `Chart`s) to a `String`, so that
// tests compare exact text. Colour is 24-bit, 256-colour or absent (then
// no escape codes at all); nothing is wider than the width asked for.
//
// Non-goals: pixel protocols (sixel, kitty), interactive redraws, and any
// knowledge of the language: the Matplotlib bindings build the model.

import { createRequire as __modelsignCreateRequire } from 'node:module';
const require = __modelsignCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b2) => (typeof require !== "undefined" ? require : a)[b2]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __esm = (fn, res) => function __init() {
  return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
};
var __commonJS = (cb, mod) => function __require2() {
  return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to2, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to2, key) && key !== except)
        __defProp(to2, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to2;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/commander/lib/error.js
var require_error = __commonJS({
  "node_modules/commander/lib/error.js"(exports) {
    var CommanderError2 = class extends Error {
      /**
       * Constructs the CommanderError class
       * @param {number} exitCode suggested exit code which could be used with process.exit
       * @param {string} code an id string representing the error
       * @param {string} message human-readable description of the error
       */
      constructor(exitCode, code, message) {
        super(message);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
        this.code = code;
        this.exitCode = exitCode;
        this.nestedError = void 0;
      }
    };
    var InvalidArgumentError2 = class extends CommanderError2 {
      /**
       * Constructs the InvalidArgumentError class
       * @param {string} [message] explanation of why argument is invalid
       */
      constructor(message) {
        super(1, "commander.invalidArgument", message);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
      }
    };
    exports.CommanderError = CommanderError2;
    exports.InvalidArgumentError = InvalidArgumentError2;
  }
});

// node_modules/commander/lib/argument.js
var require_argument = __commonJS({
  "node_modules/commander/lib/argument.js"(exports) {
    var { InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var Argument2 = class {
      /**
       * Initialize a new command argument with the given name and description.
       * The default is that the argument is required, and you can explicitly
       * indicate this with <> around the name. Put [] around the name for an optional argument.
       *
       * @param {string} name
       * @param {string} [description]
       */
      constructor(name, description) {
        this.description = description || "";
        this.variadic = false;
        this.parseArg = void 0;
        this.defaultValue = void 0;
        this.defaultValueDescription = void 0;
        this.argChoices = void 0;
        switch (name[0]) {
          case "<":
            this.required = true;
            this._name = name.slice(1, -1);
            break;
          case "[":
            this.required = false;
            this._name = name.slice(1, -1);
            break;
          default:
            this.required = true;
            this._name = name;
            break;
        }
        if (this._name.endsWith("...")) {
          this.variadic = true;
          this._name = this._name.slice(0, -3);
        }
      }
      /**
       * Return argument name.
       *
       * @return {string}
       */
      name() {
        return this._name;
      }
      /**
       * @package
       */
      _collectValue(value, previous) {
        if (previous === this.defaultValue || !Array.isArray(previous)) {
          return [value];
        }
        previous.push(value);
        return previous;
      }
      /**
       * Set the default value, and optionally supply the description to be displayed in the help.
       *
       * @param {*} value
       * @param {string} [description]
       * @return {Argument}
       */
      default(value, description) {
        this.defaultValue = value;
        this.defaultValueDescription = description;
        return this;
      }
      /**
       * Set the custom handler for processing CLI command arguments into argument values.
       *
       * @param {Function} [fn]
       * @return {Argument}
       */
      argParser(fn) {
        this.parseArg = fn;
        return this;
      }
      /**
       * Only allow argument value to be one of choices.
       *
       * @param {string[]} values
       * @return {Argument}
       */
      choices(values) {
        this.argChoices = values.slice();
        this.parseArg = (arg, previous) => {
          if (!this.argChoices.includes(arg)) {
            throw new InvalidArgumentError2(
              `Allowed choices are ${this.argChoices.join(", ")}.`
            );
          }
          if (this.variadic) {
            return this._collectValue(arg, previous);
          }
          return arg;
        };
        return this;
      }
      /**
       * Make argument required.
       *
       * @returns {Argument}
       */
      argRequired() {
        this.required = true;
        return this;
      }
      /**
       * Make argument optional.
       *
       * @returns {Argument}
       */
      argOptional() {
        this.required = false;
        return this;
      }
    };
    function humanReadableArgName(arg) {
      const nameOutput = arg.name() + (arg.variadic === true ? "..." : "");
      return arg.required ? "<" + nameOutput + ">" : "[" + nameOutput + "]";
    }
    exports.Argument = Argument2;
    exports.humanReadableArgName = humanReadableArgName;
  }
});

// node_modules/commander/lib/help.js
var require_help = __commonJS({
  "node_modules/commander/lib/help.js"(exports) {
    var { humanReadableArgName } = require_argument();
    var Help2 = class {
      constructor() {
        this.helpWidth = void 0;
        this.minWidthToWrap = 40;
        this.sortSubcommands = false;
        this.sortOptions = false;
        this.showGlobalOptions = false;
      }
      /**
       * prepareContext is called by Commander after applying overrides from `Command.configureHelp()`
       * and just before calling `formatHelp()`.
       *
       * Commander just uses the helpWidth and the rest is provided for optional use by more complex subclasses.
       *
       * @param {{ error?: boolean, helpWidth?: number, outputHasColors?: boolean }} contextOptions
       */
      prepareContext(contextOptions) {
        this.helpWidth = this.helpWidth ?? contextOptions.helpWidth ?? 80;
      }
      /**
       * Get an array of the visible subcommands. Includes a placeholder for the implicit help command, if there is one.
       *
       * @param {Command} cmd
       * @returns {Command[]}
       */
      visibleCommands(cmd) {
        const visibleCommands = cmd.commands.filter((cmd2) => !cmd2._hidden);
        const helpCommand = cmd._getHelpCommand();
        if (helpCommand && !helpCommand._hidden) {
          visibleCommands.push(helpCommand);
        }
        if (this.sortSubcommands) {
          visibleCommands.sort((a, b2) => {
            return a.name().localeCompare(b2.name());
          });
        }
        return visibleCommands;
      }
      /**
       * Compare options for sort.
       *
       * @param {Option} a
       * @param {Option} b
       * @returns {number}
       */
      compareOptions(a, b2) {
        const getSortKey = (option) => {
          return option.short ? option.short.replace(/^-/, "") : option.long.replace(/^--/, "");
        };
        return getSortKey(a).localeCompare(getSortKey(b2));
      }
      /**
       * Get an array of the visible options. Includes a placeholder for the implicit help option, if there is one.
       *
       * @param {Command} cmd
       * @returns {Option[]}
       */
      visibleOptions(cmd) {
        const visibleOptions = cmd.options.filter((option) => !option.hidden);
        const helpOption = cmd._getHelpOption();
        if (helpOption && !helpOption.hidden) {
          const removeShort = helpOption.short && cmd._findOption(helpOption.short);
          const removeLong = helpOption.long && cmd._findOption(helpOption.long);
          if (!removeShort && !removeLong) {
            visibleOptions.push(helpOption);
          } else if (helpOption.long && !removeLong) {
            visibleOptions.push(
              cmd.createOption(helpOption.long, helpOption.description)
            );
          } else if (helpOption.short && !removeShort) {
            visibleOptions.push(
              cmd.createOption(helpOption.short, helpOption.description)
            );
          }
        }
        if (this.sortOptions) {
          visibleOptions.sort(this.compareOptions);
        }
        return visibleOptions;
      }
      /**
       * Get an array of the visible global options. (Not including help.)
       *
       * @param {Command} cmd
       * @returns {Option[]}
       */
      visibleGlobalOptions(cmd) {
        if (!this.showGlobalOptions) return [];
        const globalOptions = [];
        for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
          const visibleOptions = ancestorCmd.options.filter(
            (option) => !option.hidden
          );
          globalOptions.push(...visibleOptions);
        }
        if (this.sortOptions) {
          globalOptions.sort(this.compareOptions);
        }
        return globalOptions;
      }
      /**
       * Get an array of the arguments if any have a description.
       *
       * @param {Command} cmd
       * @returns {Argument[]}
       */
      visibleArguments(cmd) {
        if (cmd._argsDescription) {
          cmd.registeredArguments.forEach((argument) => {
            argument.description = argument.description || cmd._argsDescription[argument.name()] || "";
          });
        }
        if (cmd.registeredArguments.find((argument) => argument.description)) {
          return cmd.registeredArguments;
        }
        return [];
      }
      /**
       * Get the command term to show in the list of subcommands.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      subcommandTerm(cmd) {
        const args = cmd.registeredArguments.map((arg) => humanReadableArgName(arg)).join(" ");
        return cmd._name + (cmd._aliases[0] ? "|" + cmd._aliases[0] : "") + (cmd.options.length ? " [options]" : "") + // simplistic check for non-help option
        (args ? " " + args : "");
      }
      /**
       * Get the option term to show in the list of options.
       *
       * @param {Option} option
       * @returns {string}
       */
      optionTerm(option) {
        return option.flags;
      }
      /**
       * Get the argument term to show in the list of arguments.
       *
       * @param {Argument} argument
       * @returns {string}
       */
      argumentTerm(argument) {
        return argument.name();
      }
      /**
       * Get the longest command term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestSubcommandTermLength(cmd, helper) {
        return helper.visibleCommands(cmd).reduce((max, command) => {
          return Math.max(
            max,
            this.displayWidth(
              helper.styleSubcommandTerm(helper.subcommandTerm(command))
            )
          );
        }, 0);
      }
      /**
       * Get the longest option term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestOptionTermLength(cmd, helper) {
        return helper.visibleOptions(cmd).reduce((max, option) => {
          return Math.max(
            max,
            this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
          );
        }, 0);
      }
      /**
       * Get the longest global option term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestGlobalOptionTermLength(cmd, helper) {
        return helper.visibleGlobalOptions(cmd).reduce((max, option) => {
          return Math.max(
            max,
            this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
          );
        }, 0);
      }
      /**
       * Get the longest argument term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestArgumentTermLength(cmd, helper) {
        return helper.visibleArguments(cmd).reduce((max, argument) => {
          return Math.max(
            max,
            this.displayWidth(
              helper.styleArgumentTerm(helper.argumentTerm(argument))
            )
          );
        }, 0);
      }
      /**
       * Get the command usage to be displayed at the top of the built-in help.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      commandUsage(cmd) {
        let cmdName = cmd._name;
        if (cmd._aliases[0]) {
          cmdName = cmdName + "|" + cmd._aliases[0];
        }
        let ancestorCmdNames = "";
        for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
          ancestorCmdNames = ancestorCmd.name() + " " + ancestorCmdNames;
        }
        return ancestorCmdNames + cmdName + " " + cmd.usage();
      }
      /**
       * Get the description for the command.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      commandDescription(cmd) {
        return cmd.description();
      }
      /**
       * Get the subcommand summary to show in the list of subcommands.
       * (Fallback to description for backwards compatibility.)
       *
       * @param {Command} cmd
       * @returns {string}
       */
      subcommandDescription(cmd) {
        return cmd.summary() || cmd.description();
      }
      /**
       * Get the option description to show in the list of options.
       *
       * @param {Option} option
       * @return {string}
       */
      optionDescription(option) {
        const extraInfo = [];
        if (option.argChoices) {
          extraInfo.push(
            // use stringify to match the display of the default value
            `choices: ${option.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
          );
        }
        if (option.defaultValue !== void 0) {
          const showDefault = option.required || option.optional || option.isBoolean() && typeof option.defaultValue === "boolean";
          if (showDefault) {
            extraInfo.push(
              `default: ${option.defaultValueDescription || JSON.stringify(option.defaultValue)}`
            );
          }
        }
        if (option.presetArg !== void 0 && option.optional) {
          extraInfo.push(`preset: ${JSON.stringify(option.presetArg)}`);
        }
        if (option.envVar !== void 0) {
          extraInfo.push(`env: ${option.envVar}`);
        }
        if (extraInfo.length > 0) {
          const extraDescription = `(${extraInfo.join(", ")})`;
          if (option.description) {
            return `${option.description} ${extraDescription}`;
          }
          return extraDescription;
        }
        return option.description;
      }
      /**
       * Get the argument description to show in the list of arguments.
       *
       * @param {Argument} argument
       * @return {string}
       */
      argumentDescription(argument) {
        const extraInfo = [];
        if (argument.argChoices) {
          extraInfo.push(
            // use stringify to match the display of the default value
            `choices: ${argument.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
          );
        }
        if (argument.defaultValue !== void 0) {
          extraInfo.push(
            `default: ${argument.defaultValueDescription || JSON.stringify(argument.defaultValue)}`
          );
        }
        if (extraInfo.length > 0) {
          const extraDescription = `(${extraInfo.join(", ")})`;
          if (argument.description) {
            return `${argument.description} ${extraDescription}`;
          }
          return extraDescription;
        }
        return argument.description;
      }
      /**
       * Format a list of items, given a heading and an array of formatted items.
       *
       * @param {string} heading
       * @param {string[]} items
       * @param {Help} helper
       * @returns string[]
       */
      formatItemList(heading, items, helper) {
        if (items.length === 0) return [];
        return [helper.styleTitle(heading), ...items, ""];
      }
      /**
       * Group items by their help group heading.
       *
       * @param {Command[] | Option[]} unsortedItems
       * @param {Command[] | Option[]} visibleItems
       * @param {Function} getGroup
       * @returns {Map<string, Command[] | Option[]>}
       */
      groupItems(unsortedItems, visibleItems, getGroup) {
        const result = /* @__PURE__ */ new Map();
        unsortedItems.forEach((item) => {
          const group = getGroup(item);
          if (!result.has(group)) result.set(group, []);
        });
        visibleItems.forEach((item) => {
          const group = getGroup(item);
          if (!result.has(group)) {
            result.set(group, []);
          }
          result.get(group).push(item);
        });
        return result;
      }
      /**
       * Generate the built-in help text.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {string}
       */
      formatHelp(cmd, helper) {
        const termWidth = helper.padWidth(cmd, helper);
        const helpWidth = helper.helpWidth ?? 80;
        function callFormatItem(term, description) {
          return helper.formatItem(term, termWidth, description, helper);
        }
        let output2 = [
          `${helper.styleTitle("Usage:")} ${helper.styleUsage(helper.commandUsage(cmd))}`,
          ""
        ];
        const commandDescription = helper.commandDescription(cmd);
        if (commandDescription.length > 0) {
          output2 = output2.concat([
            helper.boxWrap(
              helper.styleCommandDescription(commandDescription),
              helpWidth
            ),
            ""
          ]);
        }
        const argumentList = helper.visibleArguments(cmd).map((argument) => {
          return callFormatItem(
            helper.styleArgumentTerm(helper.argumentTerm(argument)),
            helper.styleArgumentDescription(helper.argumentDescription(argument))
          );
        });
        output2 = output2.concat(
          this.formatItemList("Arguments:", argumentList, helper)
        );
        const optionGroups = this.groupItems(
          cmd.options,
          helper.visibleOptions(cmd),
          (option) => option.helpGroupHeading ?? "Options:"
        );
        optionGroups.forEach((options, group) => {
          const optionList = options.map((option) => {
            return callFormatItem(
              helper.styleOptionTerm(helper.optionTerm(option)),
              helper.styleOptionDescription(helper.optionDescription(option))
            );
          });
          output2 = output2.concat(this.formatItemList(group, optionList, helper));
        });
        if (helper.showGlobalOptions) {
          const globalOptionList = helper.visibleGlobalOptions(cmd).map((option) => {
            return callFormatItem(
              helper.styleOptionTerm(helper.optionTerm(option)),
              helper.styleOptionDescription(helper.optionDescription(option))
            );
          });
          output2 = output2.concat(
            this.formatItemList("Global Options:", globalOptionList, helper)
          );
        }
        const commandGroups = this.groupItems(
          cmd.commands,
          helper.visibleCommands(cmd),
          (sub) => sub.helpGroup() || "Commands:"
        );
        commandGroups.forEach((commands, group) => {
          const commandList = commands.map((sub) => {
            return callFormatItem(
              helper.styleSubcommandTerm(helper.subcommandTerm(sub)),
              helper.styleSubcommandDescription(helper.subcommandDescription(sub))
            );
          });
          output2 = output2.concat(this.formatItemList(group, commandList, helper));
        });
        return output2.join("\n");
      }
      /**
       * Return display width of string, ignoring ANSI escape sequences. Used in padding and wrapping calculations.
       *
       * @param {string} str
       * @returns {number}
       */
      displayWidth(str2) {
        return stripColor(str2).length;
      }
      /**
       * Style the title for displaying in the help. Called with 'Usage:', 'Options:', etc.
       *
       * @param {string} str
       * @returns {string}
       */
      styleTitle(str2) {
        return str2;
      }
      styleUsage(str2) {
        return str2.split(" ").map((word) => {
          if (word === "[options]") return this.styleOptionText(word);
          if (word === "[command]") return this.styleSubcommandText(word);
          if (word[0] === "[" || word[0] === "<")
            return this.styleArgumentText(word);
          return this.styleCommandText(word);
        }).join(" ");
      }
      styleCommandDescription(str2) {
        return this.styleDescriptionText(str2);
      }
      styleOptionDescription(str2) {
        return this.styleDescriptionText(str2);
      }
      styleSubcommandDescription(str2) {
        return this.styleDescriptionText(str2);
      }
      styleArgumentDescription(str2) {
        return this.styleDescriptionText(str2);
      }
      styleDescriptionText(str2) {
        return str2;
      }
      styleOptionTerm(str2) {
        return this.styleOptionText(str2);
      }
      styleSubcommandTerm(str2) {
        return str2.split(" ").map((word) => {
          if (word === "[options]") return this.styleOptionText(word);
          if (word[0] === "[" || word[0] === "<")
            return this.styleArgumentText(word);
          return this.styleSubcommandText(word);
        }).join(" ");
      }
      styleArgumentTerm(str2) {
        return this.styleArgumentText(str2);
      }
      styleOptionText(str2) {
        return str2;
      }
      styleArgumentText(str2) {
        return str2;
      }
      styleSubcommandText(str2) {
        return str2;
      }
      styleCommandText(str2) {
        return str2;
      }
      /**
       * Calculate the pad width from the maximum term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      padWidth(cmd, helper) {
        return Math.max(
          helper.longestOptionTermLength(cmd, helper),
          helper.longestGlobalOptionTermLength(cmd, helper),
          helper.longestSubcommandTermLength(cmd, helper),
          helper.longestArgumentTermLength(cmd, helper)
        );
      }
      /**
       * Detect manually wrapped and indented strings by checking for line break followed by whitespace.
       *
       * @param {string} str
       * @returns {boolean}
       */
      preformatted(str2) {
        return /\n[^\S\r\n]/.test(str2);
      }
      /**
       * Format the "item", which consists of a term and description. Pad the term and wrap the description, indenting the following lines.
       *
       * So "TTT", 5, "DDD DDDD DD DDD" might be formatted for this.helpWidth=17 like so:
       *   TTT  DDD DDDD
       *        DD DDD
       *
       * @param {string} term
       * @param {number} termWidth
       * @param {string} description
       * @param {Help} helper
       * @returns {string}
       */
      formatItem(term, termWidth, description, helper) {
        const itemIndent = 2;
        const itemIndentStr = " ".repeat(itemIndent);
        if (!description) return itemIndentStr + term;
        const paddedTerm = term.padEnd(
          termWidth + term.length - helper.displayWidth(term)
        );
        const spacerWidth = 2;
        const helpWidth = this.helpWidth ?? 80;
        const remainingWidth = helpWidth - termWidth - spacerWidth - itemIndent;
        let formattedDescription;
        if (remainingWidth < this.minWidthToWrap || helper.preformatted(description)) {
          formattedDescription = description;
        } else {
          const wrappedDescription = helper.boxWrap(description, remainingWidth);
          formattedDescription = wrappedDescription.replace(
            /\n/g,
            "\n" + " ".repeat(termWidth + spacerWidth)
          );
        }
        return itemIndentStr + paddedTerm + " ".repeat(spacerWidth) + formattedDescription.replace(/\n/g, `
${itemIndentStr}`);
      }
      /**
       * Wrap a string at whitespace, preserving existing line breaks.
       * Wrapping is skipped if the width is less than `minWidthToWrap`.
       *
       * @param {string} str
       * @param {number} width
       * @returns {string}
       */
      boxWrap(str2, width) {
        if (width < this.minWidthToWrap) return str2;
        const rawLines = str2.split(/\r\n|\n/);
        const chunkPattern = /[\s]*[^\s]+/g;
        const wrappedLines = [];
        rawLines.forEach((line) => {
          const chunks = line.match(chunkPattern);
          if (chunks === null) {
            wrappedLines.push("");
            return;
          }
          let sumChunks = [chunks.shift()];
          let sumWidth = this.displayWidth(sumChunks[0]);
          chunks.forEach((chunk) => {
            const visibleWidth = this.displayWidth(chunk);
            if (sumWidth + visibleWidth <= width) {
              sumChunks.push(chunk);
              sumWidth += visibleWidth;
              return;
            }
            wrappedLines.push(sumChunks.join(""));
            const nextChunk = chunk.trimStart();
            sumChunks = [nextChunk];
            sumWidth = this.displayWidth(nextChunk);
          });
          wrappedLines.push(sumChunks.join(""));
        });
        return wrappedLines.join("\n");
      }
    };
    function stripColor(str2) {
      const sgrPattern = /\x1b\[\d*(;\d*)*m/g;
      return str2.replace(sgrPattern, "");
    }
    exports.Help = Help2;
    exports.stripColor = stripColor;
  }
});

// node_modules/commander/lib/option.js
var require_option = __commonJS({
  "node_modules/commander/lib/option.js"(exports) {
    var { InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var Option2 = class {
      /**
       * Initialize a new `Option` with the given `flags` and `description`.
       *
       * @param {string} flags
       * @param {string} [description]
       */
      constructor(flags, description) {
        this.flags = flags;
        this.description = description || "";
        this.required = flags.includes("<");
        this.optional = flags.includes("[");
        this.variadic = /\w\.\.\.[>\]]$/.test(flags);
        this.mandatory = false;
        const optionFlags = splitOptionFlags(flags);
        this.short = optionFlags.shortFlag;
        this.long = optionFlags.longFlag;
        this.negate = false;
        if (this.long) {
          this.negate = this.long.startsWith("--no-");
        }
        this.defaultValue = void 0;
        this.defaultValueDescription = void 0;
        this.presetArg = void 0;
        this.envVar = void 0;
        this.parseArg = void 0;
        this.hidden = false;
        this.argChoices = void 0;
        this.conflictsWith = [];
        this.implied = void 0;
        this.helpGroupHeading = void 0;
      }
      /**
       * Set the default value, and optionally supply the description to be displayed in the help.
       *
       * @param {*} value
       * @param {string} [description]
       * @return {Option}
       */
      default(value, description) {
        this.defaultValue = value;
        this.defaultValueDescription = description;
        return this;
      }
      /**
       * Preset to use when option used without option-argument, especially optional but also boolean and negated.
       * The custom processing (parseArg) is called.
       *
       * @example
       * new Option('--color').default('GREYSCALE').preset('RGB');
       * new Option('--donate [amount]').preset('20').argParser(parseFloat);
       *
       * @param {*} arg
       * @return {Option}
       */
      preset(arg) {
        this.presetArg = arg;
        return this;
      }
      /**
       * Add option name(s) that conflict with this option.
       * An error will be displayed if conflicting options are found during parsing.
       *
       * @example
       * new Option('--rgb').conflicts('cmyk');
       * new Option('--js').conflicts(['ts', 'jsx']);
       *
       * @param {(string | string[])} names
       * @return {Option}
       */
      conflicts(names) {
        this.conflictsWith = this.conflictsWith.concat(names);
        return this;
      }
      /**
       * Specify implied option values for when this option is set and the implied options are not.
       *
       * The custom processing (parseArg) is not called on the implied values.
       *
       * @example
       * program
       *   .addOption(new Option('--log', 'write logging information to file'))
       *   .addOption(new Option('--trace', 'log extra details').implies({ log: 'trace.txt' }));
       *
       * @param {object} impliedOptionValues
       * @return {Option}
       */
      implies(impliedOptionValues) {
        let newImplied = impliedOptionValues;
        if (typeof impliedOptionValues === "string") {
          newImplied = { [impliedOptionValues]: true };
        }
        this.implied = Object.assign(this.implied || {}, newImplied);
        return this;
      }
      /**
       * Set environment variable to check for option value.
       *
       * An environment variable is only used if when processed the current option value is
       * undefined, or the source of the current value is 'default' or 'config' or 'env'.
       *
       * @param {string} name
       * @return {Option}
       */
      env(name) {
        this.envVar = name;
        return this;
      }
      /**
       * Set the custom handler for processing CLI option arguments into option values.
       *
       * @param {Function} [fn]
       * @return {Option}
       */
      argParser(fn) {
        this.parseArg = fn;
        return this;
      }
      /**
       * Whether the option is mandatory and must have a value after parsing.
       *
       * @param {boolean} [mandatory=true]
       * @return {Option}
       */
      makeOptionMandatory(mandatory = true) {
        this.mandatory = !!mandatory;
        return this;
      }
      /**
       * Hide option in help.
       *
       * @param {boolean} [hide=true]
       * @return {Option}
       */
      hideHelp(hide = true) {
        this.hidden = !!hide;
        return this;
      }
      /**
       * @package
       */
      _collectValue(value, previous) {
        if (previous === this.defaultValue || !Array.isArray(previous)) {
          return [value];
        }
        previous.push(value);
        return previous;
      }
      /**
       * Only allow option value to be one of choices.
       *
       * @param {string[]} values
       * @return {Option}
       */
      choices(values) {
        this.argChoices = values.slice();
        this.parseArg = (arg, previous) => {
          if (!this.argChoices.includes(arg)) {
            throw new InvalidArgumentError2(
              `Allowed choices are ${this.argChoices.join(", ")}.`
            );
          }
          if (this.variadic) {
            return this._collectValue(arg, previous);
          }
          return arg;
        };
        return this;
      }
      /**
       * Return option name.
       *
       * @return {string}
       */
      name() {
        if (this.long) {
          return this.long.replace(/^--/, "");
        }
        return this.short.replace(/^-/, "");
      }
      /**
       * Return option name, in a camelcase format that can be used
       * as an object attribute key.
       *
       * @return {string}
       */
      attributeName() {
        if (this.negate) {
          return camelcase(this.name().replace(/^no-/, ""));
        }
        return camelcase(this.name());
      }
      /**
       * Set the help group heading.
       *
       * @param {string} heading
       * @return {Option}
       */
      helpGroup(heading) {
        this.helpGroupHeading = heading;
        return this;
      }
      /**
       * Check if `arg` matches the short or long flag.
       *
       * @param {string} arg
       * @return {boolean}
       * @package
       */
      is(arg) {
        return this.short === arg || this.long === arg;
      }
      /**
       * Return whether a boolean option.
       *
       * Options are one of boolean, negated, required argument, or optional argument.
       *
       * @return {boolean}
       * @package
       */
      isBoolean() {
        return !this.required && !this.optional && !this.negate;
      }
    };
    var DualOptions = class {
      /**
       * @param {Option[]} options
       */
      constructor(options) {
        this.positiveOptions = /* @__PURE__ */ new Map();
        this.negativeOptions = /* @__PURE__ */ new Map();
        this.dualOptions = /* @__PURE__ */ new Set();
        options.forEach((option) => {
          if (option.negate) {
            this.negativeOptions.set(option.attributeName(), option);
          } else {
            this.positiveOptions.set(option.attributeName(), option);
          }
        });
        this.negativeOptions.forEach((value, key) => {
          if (this.positiveOptions.has(key)) {
            this.dualOptions.add(key);
          }
        });
      }
      /**
       * Did the value come from the option, and not from possible matching dual option?
       *
       * @param {*} value
       * @param {Option} option
       * @returns {boolean}
       */
      valueFromOption(value, option) {
        const optionKey = option.attributeName();
        if (!this.dualOptions.has(optionKey)) return true;
        const preset = this.negativeOptions.get(optionKey).presetArg;
        const negativeValue = preset !== void 0 ? preset : false;
        return option.negate === (negativeValue === value);
      }
    };
    function camelcase(str2) {
      return str2.split("-").reduce((str3, word) => {
        return str3 + word[0].toUpperCase() + word.slice(1);
      });
    }
    function splitOptionFlags(flags) {
      let shortFlag;
      let longFlag;
      const shortFlagExp = /^-[^-]$/;
      const longFlagExp = /^--[^-]/;
      const flagParts = flags.split(/[ |,]+/).concat("guard");
      if (shortFlagExp.test(flagParts[0])) shortFlag = flagParts.shift();
      if (longFlagExp.test(flagParts[0])) longFlag = flagParts.shift();
      if (!shortFlag && shortFlagExp.test(flagParts[0]))
        shortFlag = flagParts.shift();
      if (!shortFlag && longFlagExp.test(flagParts[0])) {
        shortFlag = longFlag;
        longFlag = flagParts.shift();
      }
      if (flagParts[0].startsWith("-")) {
        const unsupportedFlag = flagParts[0];
        const baseError = `option creation failed due to '${unsupportedFlag}' in option flags '${flags}'`;
        if (/^-[^-][^-]/.test(unsupportedFlag))
          throw new Error(
            `${baseError}
- a short flag is a single dash and a single character
  - either use a single dash and a single character (for a short flag)
  - or use a double dash for a long option (and can have two, like '--ws, --workspace')`
          );
        if (shortFlagExp.test(unsupportedFlag))
          throw new Error(`${baseError}
- too many short flags`);
        if (longFlagExp.test(unsupportedFlag))
          throw new Error(`${baseError}
- too many long flags`);
        throw new Error(`${baseError}
- unrecognised flag format`);
      }
      if (shortFlag === void 0 && longFlag === void 0)
        throw new Error(
          `option creation failed due to no flags found in '${flags}'.`
        );
      return { shortFlag, longFlag };
    }
    exports.Option = Option2;
    exports.DualOptions = DualOptions;
  }
});

// node_modules/commander/lib/suggestSimilar.js
var require_suggestSimilar = __commonJS({
  "node_modules/commander/lib/suggestSimilar.js"(exports) {
    var maxDistance = 3;
    function editDistance(a, b2) {
      if (Math.abs(a.length - b2.length) > maxDistance)
        return Math.max(a.length, b2.length);
      const d = [];
      for (let i = 0; i <= a.length; i++) {
        d[i] = [i];
      }
      for (let j2 = 0; j2 <= b2.length; j2++) {
        d[0][j2] = j2;
      }
      for (let j2 = 1; j2 <= b2.length; j2++) {
        for (let i = 1; i <= a.length; i++) {
          let cost = 1;
          if (a[i - 1] === b2[j2 - 1]) {
            cost = 0;
          } else {
            cost = 1;
          }
          d[i][j2] = Math.min(
            d[i - 1][j2] + 1,
            // deletion
            d[i][j2 - 1] + 1,
            // insertion
            d[i - 1][j2 - 1] + cost
            // substitution
          );
          if (i > 1 && j2 > 1 && a[i - 1] === b2[j2 - 2] && a[i - 2] === b2[j2 - 1]) {
            d[i][j2] = Math.min(d[i][j2], d[i - 2][j2 - 2] + 1);
          }
        }
      }
      return d[a.length][b2.length];
    }
    function suggestSimilar(word, candidates) {
      if (!candidates || candidates.length === 0) return "";
      candidates = Array.from(new Set(candidates));
      const searchingOptions = word.startsWith("--");
      if (searchingOptions) {
        word = word.slice(2);
        candidates = candidates.map((candidate) => candidate.slice(2));
      }
      let similar = [];
      let bestDistance = maxDistance;
      const minSimilarity = 0.4;
      candidates.forEach((candidate) => {
        if (candidate.length <= 1) return;
        const distance = editDistance(word, candidate);
        const length = Math.max(word.length, candidate.length);
        const similarity = (length - distance) / length;
        if (similarity > minSimilarity) {
          if (distance < bestDistance) {
            bestDistance = distance;
            similar = [candidate];
          } else if (distance === bestDistance) {
            similar.push(candidate);
          }
        }
      });
      similar.sort((a, b2) => a.localeCompare(b2));
      if (searchingOptions) {
        similar = similar.map((candidate) => `--${candidate}`);
      }
      if (similar.length > 1) {
        return `
(Did you mean one of ${similar.join(", ")}?)`;
      }
      if (similar.length === 1) {
        return `
(Did you mean ${similar[0]}?)`;
      }
      return "";
    }
    exports.suggestSimilar = suggestSimilar;
  }
});

// node_modules/commander/lib/command.js
var require_command = __commonJS({
  "node_modules/commander/lib/command.js"(exports) {
    var EventEmitter = __require("node:events").EventEmitter;
    var childProcess = __require("node:child_process");
    var path14 = __require("node:path");
    var fs2 = __require("node:fs");
    var process2 = __require("node:process");
    var { Argument: Argument2, humanReadableArgName } = require_argument();
    var { CommanderError: CommanderError2 } = require_error();
    var { Help: Help2, stripColor } = require_help();
    var { Option: Option2, DualOptions } = require_option();
    var { suggestSimilar } = require_suggestSimilar();
    var Command2 = class _Command extends EventEmitter {
      /**
       * Initialize a new `Command`.
       *
       * @param {string} [name]
       */
      constructor(name) {
        super();
        this.commands = [];
        this.options = [];
        this.parent = null;
        this._allowUnknownOption = false;
        this._allowExcessArguments = false;
        this.registeredArguments = [];
        this._args = this.registeredArguments;
        this.args = [];
        this.rawArgs = [];
        this.processedArgs = [];
        this._scriptPath = null;
        this._name = name || "";
        this._optionValues = {};
        this._optionValueSources = {};
        this._storeOptionsAsProperties = false;
        this._actionHandler = null;
        this._executableHandler = false;
        this._executableFile = null;
        this._executableDir = null;
        this._defaultCommandName = null;
        this._exitCallback = null;
        this._aliases = [];
        this._combineFlagAndOptionalValue = true;
        this._description = "";
        this._summary = "";
        this._argsDescription = void 0;
        this._enablePositionalOptions = false;
        this._passThroughOptions = false;
        this._lifeCycleHooks = {};
        this._showHelpAfterError = false;
        this._showSuggestionAfterError = true;
        this._savedState = null;
        this._outputConfiguration = {
          writeOut: (str2) => process2.stdout.write(str2),
          writeErr: (str2) => process2.stderr.write(str2),
          outputError: (str2, write) => write(str2),
          getOutHelpWidth: () => process2.stdout.isTTY ? process2.stdout.columns : void 0,
          getErrHelpWidth: () => process2.stderr.isTTY ? process2.stderr.columns : void 0,
          getOutHasColors: () => useColor() ?? (process2.stdout.isTTY && process2.stdout.hasColors?.()),
          getErrHasColors: () => useColor() ?? (process2.stderr.isTTY && process2.stderr.hasColors?.()),
          stripColor: (str2) => stripColor(str2)
        };
        this._hidden = false;
        this._helpOption = void 0;
        this._addImplicitHelpCommand = void 0;
        this._helpCommand = void 0;
        this._helpConfiguration = {};
        this._helpGroupHeading = void 0;
        this._defaultCommandGroup = void 0;
        this._defaultOptionGroup = void 0;
      }
      /**
       * Copy settings that are useful to have in common across root command and subcommands.
       *
       * (Used internally when adding a command using `.command()` so subcommands inherit parent settings.)
       *
       * @param {Command} sourceCommand
       * @return {Command} `this` command for chaining
       */
      copyInheritedSettings(sourceCommand) {
        this._outputConfiguration = sourceCommand._outputConfiguration;
        this._helpOption = sourceCommand._helpOption;
        this._helpCommand = sourceCommand._helpCommand;
        this._helpConfiguration = sourceCommand._helpConfiguration;
        this._exitCallback = sourceCommand._exitCallback;
        this._storeOptionsAsProperties = sourceCommand._storeOptionsAsProperties;
        this._combineFlagAndOptionalValue = sourceCommand._combineFlagAndOptionalValue;
        this._allowExcessArguments = sourceCommand._allowExcessArguments;
        this._enablePositionalOptions = sourceCommand._enablePositionalOptions;
        this._showHelpAfterError = sourceCommand._showHelpAfterError;
        this._showSuggestionAfterError = sourceCommand._showSuggestionAfterError;
        return this;
      }
      /**
       * @returns {Command[]}
       * @private
       */
      _getCommandAndAncestors() {
        const result = [];
        for (let command = this; command; command = command.parent) {
          result.push(command);
        }
        return result;
      }
      /**
       * Define a command.
       *
       * There are two styles of command: pay attention to where to put the description.
       *
       * @example
       * // Command implemented using action handler (description is supplied separately to `.command`)
       * program
       *   .command('clone <source> [destination]')
       *   .description('clone a repository into a newly created directory')
       *   .action((source, destination) => {
       *     console.log('clone command called');
       *   });
       *
       * // Command implemented using separate executable file (description is second parameter to `.command`)
       * program
       *   .command('start <service>', 'start named service')
       *   .command('stop [service]', 'stop named service, or all if no name supplied');
       *
       * @param {string} nameAndArgs - command name and arguments, args are `<required>` or `[optional]` and last may also be `variadic...`
       * @param {(object | string)} [actionOptsOrExecDesc] - configuration options (for action), or description (for executable)
       * @param {object} [execOpts] - configuration options (for executable)
       * @return {Command} returns new command for action handler, or `this` for executable command
       */
      command(nameAndArgs, actionOptsOrExecDesc, execOpts) {
        let desc = actionOptsOrExecDesc;
        let opts = execOpts;
        if (typeof desc === "object" && desc !== null) {
          opts = desc;
          desc = null;
        }
        opts = opts || {};
        const [, name, args] = nameAndArgs.match(/([^ ]+) *(.*)/);
        const cmd = this.createCommand(name);
        if (desc) {
          cmd.description(desc);
          cmd._executableHandler = true;
        }
        if (opts.isDefault) this._defaultCommandName = cmd._name;
        cmd._hidden = !!(opts.noHelp || opts.hidden);
        cmd._executableFile = opts.executableFile || null;
        if (args) cmd.arguments(args);
        this._registerCommand(cmd);
        cmd.parent = this;
        cmd.copyInheritedSettings(this);
        if (desc) return this;
        return cmd;
      }
      /**
       * Factory routine to create a new unattached command.
       *
       * See .command() for creating an attached subcommand, which uses this routine to
       * create the command. You can override createCommand to customise subcommands.
       *
       * @param {string} [name]
       * @return {Command} new command
       */
      createCommand(name) {
        return new _Command(name);
      }
      /**
       * You can customise the help with a subclass of Help by overriding createHelp,
       * or by overriding Help properties using configureHelp().
       *
       * @return {Help}
       */
      createHelp() {
        return Object.assign(new Help2(), this.configureHelp());
      }
      /**
       * You can customise the help by overriding Help properties using configureHelp(),
       * or with a subclass of Help by overriding createHelp().
       *
       * @param {object} [configuration] - configuration options
       * @return {(Command | object)} `this` command for chaining, or stored configuration
       */
      configureHelp(configuration) {
        if (configuration === void 0) return this._helpConfiguration;
        this._helpConfiguration = configuration;
        return this;
      }
      /**
       * The default output goes to stdout and stderr. You can customise this for special
       * applications. You can also customise the display of errors by overriding outputError.
       *
       * The configuration properties are all functions:
       *
       *     // change how output being written, defaults to stdout and stderr
       *     writeOut(str)
       *     writeErr(str)
       *     // change how output being written for errors, defaults to writeErr
       *     outputError(str, write) // used for displaying errors and not used for displaying help
       *     // specify width for wrapping help
       *     getOutHelpWidth()
       *     getErrHelpWidth()
       *     // color support, currently only used with Help
       *     getOutHasColors()
       *     getErrHasColors()
       *     stripColor() // used to remove ANSI escape codes if output does not have colors
       *
       * @param {object} [configuration] - configuration options
       * @return {(Command | object)} `this` command for chaining, or stored configuration
       */
      configureOutput(configuration) {
        if (configuration === void 0) return this._outputConfiguration;
        this._outputConfiguration = {
          ...this._outputConfiguration,
          ...configuration
        };
        return this;
      }
      /**
       * Display the help or a custom message after an error occurs.
       *
       * @param {(boolean|string)} [displayHelp]
       * @return {Command} `this` command for chaining
       */
      showHelpAfterError(displayHelp = true) {
        if (typeof displayHelp !== "string") displayHelp = !!displayHelp;
        this._showHelpAfterError = displayHelp;
        return this;
      }
      /**
       * Display suggestion of similar commands for unknown commands, or options for unknown options.
       *
       * @param {boolean} [displaySuggestion]
       * @return {Command} `this` command for chaining
       */
      showSuggestionAfterError(displaySuggestion = true) {
        this._showSuggestionAfterError = !!displaySuggestion;
        return this;
      }
      /**
       * Add a prepared subcommand.
       *
       * See .command() for creating an attached subcommand which inherits settings from its parent.
       *
       * @param {Command} cmd - new subcommand
       * @param {object} [opts] - configuration options
       * @return {Command} `this` command for chaining
       */
      addCommand(cmd, opts) {
        if (!cmd._name) {
          throw new Error(`Command passed to .addCommand() must have a name
- specify the name in Command constructor or using .name()`);
        }
        opts = opts || {};
        if (opts.isDefault) this._defaultCommandName = cmd._name;
        if (opts.noHelp || opts.hidden) cmd._hidden = true;
        this._registerCommand(cmd);
        cmd.parent = this;
        cmd._checkForBrokenPassThrough();
        return this;
      }
      /**
       * Factory routine to create a new unattached argument.
       *
       * See .argument() for creating an attached argument, which uses this routine to
       * create the argument. You can override createArgument to return a custom argument.
       *
       * @param {string} name
       * @param {string} [description]
       * @return {Argument} new argument
       */
      createArgument(name, description) {
        return new Argument2(name, description);
      }
      /**
       * Define argument syntax for command.
       *
       * The default is that the argument is required, and you can explicitly
       * indicate this with <> around the name. Put [] around the name for an optional argument.
       *
       * @example
       * program.argument('<input-file>');
       * program.argument('[output-file]');
       *
       * @param {string} name
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom argument processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      argument(name, description, parseArg, defaultValue) {
        const argument = this.createArgument(name, description);
        if (typeof parseArg === "function") {
          argument.default(defaultValue).argParser(parseArg);
        } else {
          argument.default(parseArg);
        }
        this.addArgument(argument);
        return this;
      }
      /**
       * Define argument syntax for command, adding multiple at once (without descriptions).
       *
       * See also .argument().
       *
       * @example
       * program.arguments('<cmd> [env]');
       *
       * @param {string} names
       * @return {Command} `this` command for chaining
       */
      arguments(names) {
        names.trim().split(/ +/).forEach((detail) => {
          this.argument(detail);
        });
        return this;
      }
      /**
       * Define argument syntax for command, adding a prepared argument.
       *
       * @param {Argument} argument
       * @return {Command} `this` command for chaining
       */
      addArgument(argument) {
        const previousArgument = this.registeredArguments.slice(-1)[0];
        if (previousArgument?.variadic) {
          throw new Error(
            `only the last argument can be variadic '${previousArgument.name()}'`
          );
        }
        if (argument.required && argument.defaultValue !== void 0 && argument.parseArg === void 0) {
          throw new Error(
            `a default value for a required argument is never used: '${argument.name()}'`
          );
        }
        this.registeredArguments.push(argument);
        return this;
      }
      /**
       * Customise or override default help command. By default a help command is automatically added if your command has subcommands.
       *
       * @example
       *    program.helpCommand('help [cmd]');
       *    program.helpCommand('help [cmd]', 'show help');
       *    program.helpCommand(false); // suppress default help command
       *    program.helpCommand(true); // add help command even if no subcommands
       *
       * @param {string|boolean} enableOrNameAndArgs - enable with custom name and/or arguments, or boolean to override whether added
       * @param {string} [description] - custom description
       * @return {Command} `this` command for chaining
       */
      helpCommand(enableOrNameAndArgs, description) {
        if (typeof enableOrNameAndArgs === "boolean") {
          this._addImplicitHelpCommand = enableOrNameAndArgs;
          if (enableOrNameAndArgs && this._defaultCommandGroup) {
            this._initCommandGroup(this._getHelpCommand());
          }
          return this;
        }
        const nameAndArgs = enableOrNameAndArgs ?? "help [command]";
        const [, helpName, helpArgs] = nameAndArgs.match(/([^ ]+) *(.*)/);
        const helpDescription = description ?? "display help for command";
        const helpCommand = this.createCommand(helpName);
        helpCommand.helpOption(false);
        if (helpArgs) helpCommand.arguments(helpArgs);
        if (helpDescription) helpCommand.description(helpDescription);
        this._addImplicitHelpCommand = true;
        this._helpCommand = helpCommand;
        if (enableOrNameAndArgs || description) this._initCommandGroup(helpCommand);
        return this;
      }
      /**
       * Add prepared custom help command.
       *
       * @param {(Command|string|boolean)} helpCommand - custom help command, or deprecated enableOrNameAndArgs as for `.helpCommand()`
       * @param {string} [deprecatedDescription] - deprecated custom description used with custom name only
       * @return {Command} `this` command for chaining
       */
      addHelpCommand(helpCommand, deprecatedDescription) {
        if (typeof helpCommand !== "object") {
          this.helpCommand(helpCommand, deprecatedDescription);
          return this;
        }
        this._addImplicitHelpCommand = true;
        this._helpCommand = helpCommand;
        this._initCommandGroup(helpCommand);
        return this;
      }
      /**
       * Lazy create help command.
       *
       * @return {(Command|null)}
       * @package
       */
      _getHelpCommand() {
        const hasImplicitHelpCommand = this._addImplicitHelpCommand ?? (this.commands.length && !this._actionHandler && !this._findCommand("help"));
        if (hasImplicitHelpCommand) {
          if (this._helpCommand === void 0) {
            this.helpCommand(void 0, void 0);
          }
          return this._helpCommand;
        }
        return null;
      }
      /**
       * Add hook for life cycle event.
       *
       * @param {string} event
       * @param {Function} listener
       * @return {Command} `this` command for chaining
       */
      hook(event, listener) {
        const allowedValues = ["preSubcommand", "preAction", "postAction"];
        if (!allowedValues.includes(event)) {
          throw new Error(`Unexpected value for event passed to hook : '${event}'.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        if (this._lifeCycleHooks[event]) {
          this._lifeCycleHooks[event].push(listener);
        } else {
          this._lifeCycleHooks[event] = [listener];
        }
        return this;
      }
      /**
       * Register callback to use as replacement for calling process.exit.
       *
       * @param {Function} [fn] optional callback which will be passed a CommanderError, defaults to throwing
       * @return {Command} `this` command for chaining
       */
      exitOverride(fn) {
        if (fn) {
          this._exitCallback = fn;
        } else {
          this._exitCallback = (err) => {
            if (err.code !== "commander.executeSubCommandAsync") {
              throw err;
            } else {
            }
          };
        }
        return this;
      }
      /**
       * Call process.exit, and _exitCallback if defined.
       *
       * @param {number} exitCode exit code for using with process.exit
       * @param {string} code an id string representing the error
       * @param {string} message human-readable description of the error
       * @return never
       * @private
       */
      _exit(exitCode, code, message) {
        if (this._exitCallback) {
          this._exitCallback(new CommanderError2(exitCode, code, message));
        }
        process2.exit(exitCode);
      }
      /**
       * Register callback `fn` for the command.
       *
       * @example
       * program
       *   .command('serve')
       *   .description('start service')
       *   .action(function() {
       *      // do work here
       *   });
       *
       * @param {Function} fn
       * @return {Command} `this` command for chaining
       */
      action(fn) {
        const listener = (args) => {
          const expectedArgsCount = this.registeredArguments.length;
          const actionArgs = args.slice(0, expectedArgsCount);
          if (this._storeOptionsAsProperties) {
            actionArgs[expectedArgsCount] = this;
          } else {
            actionArgs[expectedArgsCount] = this.opts();
          }
          actionArgs.push(this);
          return fn.apply(this, actionArgs);
        };
        this._actionHandler = listener;
        return this;
      }
      /**
       * Factory routine to create a new unattached option.
       *
       * See .option() for creating an attached option, which uses this routine to
       * create the option. You can override createOption to return a custom option.
       *
       * @param {string} flags
       * @param {string} [description]
       * @return {Option} new option
       */
      createOption(flags, description) {
        return new Option2(flags, description);
      }
      /**
       * Wrap parseArgs to catch 'commander.invalidArgument'.
       *
       * @param {(Option | Argument)} target
       * @param {string} value
       * @param {*} previous
       * @param {string} invalidArgumentMessage
       * @private
       */
      _callParseArg(target, value, previous, invalidArgumentMessage) {
        try {
          return target.parseArg(value, previous);
        } catch (err) {
          if (err.code === "commander.invalidArgument") {
            const message = `${invalidArgumentMessage} ${err.message}`;
            this.error(message, { exitCode: err.exitCode, code: err.code });
          }
          throw err;
        }
      }
      /**
       * Check for option flag conflicts.
       * Register option if no conflicts found, or throw on conflict.
       *
       * @param {Option} option
       * @private
       */
      _registerOption(option) {
        const matchingOption = option.short && this._findOption(option.short) || option.long && this._findOption(option.long);
        if (matchingOption) {
          const matchingFlag = option.long && this._findOption(option.long) ? option.long : option.short;
          throw new Error(`Cannot add option '${option.flags}'${this._name && ` to command '${this._name}'`} due to conflicting flag '${matchingFlag}'
-  already used by option '${matchingOption.flags}'`);
        }
        this._initOptionGroup(option);
        this.options.push(option);
      }
      /**
       * Check for command name and alias conflicts with existing commands.
       * Register command if no conflicts found, or throw on conflict.
       *
       * @param {Command} command
       * @private
       */
      _registerCommand(command) {
        const knownBy = (cmd) => {
          return [cmd.name()].concat(cmd.aliases());
        };
        const alreadyUsed = knownBy(command).find(
          (name) => this._findCommand(name)
        );
        if (alreadyUsed) {
          const existingCmd = knownBy(this._findCommand(alreadyUsed)).join("|");
          const newCmd = knownBy(command).join("|");
          throw new Error(
            `cannot add command '${newCmd}' as already have command '${existingCmd}'`
          );
        }
        this._initCommandGroup(command);
        this.commands.push(command);
      }
      /**
       * Add an option.
       *
       * @param {Option} option
       * @return {Command} `this` command for chaining
       */
      addOption(option) {
        this._registerOption(option);
        const oname = option.name();
        const name = option.attributeName();
        if (option.negate) {
          const positiveLongFlag = option.long.replace(/^--no-/, "--");
          if (!this._findOption(positiveLongFlag)) {
            this.setOptionValueWithSource(
              name,
              option.defaultValue === void 0 ? true : option.defaultValue,
              "default"
            );
          }
        } else if (option.defaultValue !== void 0) {
          this.setOptionValueWithSource(name, option.defaultValue, "default");
        }
        const handleOptionValue = (val, invalidValueMessage, valueSource) => {
          if (val == null && option.presetArg !== void 0) {
            val = option.presetArg;
          }
          const oldValue = this.getOptionValue(name);
          if (val !== null && option.parseArg) {
            val = this._callParseArg(option, val, oldValue, invalidValueMessage);
          } else if (val !== null && option.variadic) {
            val = option._collectValue(val, oldValue);
          }
          if (val == null) {
            if (option.negate) {
              val = false;
            } else if (option.isBoolean() || option.optional) {
              val = true;
            } else {
              val = "";
            }
          }
          this.setOptionValueWithSource(name, val, valueSource);
        };
        this.on("option:" + oname, (val) => {
          const invalidValueMessage = `error: option '${option.flags}' argument '${val}' is invalid.`;
          handleOptionValue(val, invalidValueMessage, "cli");
        });
        if (option.envVar) {
          this.on("optionEnv:" + oname, (val) => {
            const invalidValueMessage = `error: option '${option.flags}' value '${val}' from env '${option.envVar}' is invalid.`;
            handleOptionValue(val, invalidValueMessage, "env");
          });
        }
        return this;
      }
      /**
       * Internal implementation shared by .option() and .requiredOption()
       *
       * @return {Command} `this` command for chaining
       * @private
       */
      _optionEx(config, flags, description, fn, defaultValue) {
        if (typeof flags === "object" && flags instanceof Option2) {
          throw new Error(
            "To add an Option object use addOption() instead of option() or requiredOption()"
          );
        }
        const option = this.createOption(flags, description);
        option.makeOptionMandatory(!!config.mandatory);
        if (typeof fn === "function") {
          option.default(defaultValue).argParser(fn);
        } else if (fn instanceof RegExp) {
          const regex = fn;
          fn = (val, def) => {
            const m2 = regex.exec(val);
            return m2 ? m2[0] : def;
          };
          option.default(defaultValue).argParser(fn);
        } else {
          option.default(fn);
        }
        return this.addOption(option);
      }
      /**
       * Define option with `flags`, `description`, and optional argument parsing function or `defaultValue` or both.
       *
       * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space. A required
       * option-argument is indicated by `<>` and an optional option-argument by `[]`.
       *
       * See the README for more details, and see also addOption() and requiredOption().
       *
       * @example
       * program
       *     .option('-p, --pepper', 'add pepper')
       *     .option('--pt, --pizza-type <TYPE>', 'type of pizza') // required option-argument
       *     .option('-c, --cheese [CHEESE]', 'add extra cheese', 'mozzarella') // optional option-argument with default
       *     .option('-t, --tip <VALUE>', 'add tip to purchase cost', parseFloat) // custom parse function
       *
       * @param {string} flags
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom option processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      option(flags, description, parseArg, defaultValue) {
        return this._optionEx({}, flags, description, parseArg, defaultValue);
      }
      /**
       * Add a required option which must have a value after parsing. This usually means
       * the option must be specified on the command line. (Otherwise the same as .option().)
       *
       * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space.
       *
       * @param {string} flags
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom option processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      requiredOption(flags, description, parseArg, defaultValue) {
        return this._optionEx(
          { mandatory: true },
          flags,
          description,
          parseArg,
          defaultValue
        );
      }
      /**
       * Alter parsing of short flags with optional values.
       *
       * @example
       * // for `.option('-f,--flag [value]'):
       * program.combineFlagAndOptionalValue(true);  // `-f80` is treated like `--flag=80`, this is the default behaviour
       * program.combineFlagAndOptionalValue(false) // `-fb` is treated like `-f -b`
       *
       * @param {boolean} [combine] - if `true` or omitted, an optional value can be specified directly after the flag.
       * @return {Command} `this` command for chaining
       */
      combineFlagAndOptionalValue(combine = true) {
        this._combineFlagAndOptionalValue = !!combine;
        return this;
      }
      /**
       * Allow unknown options on the command line.
       *
       * @param {boolean} [allowUnknown] - if `true` or omitted, no error will be thrown for unknown options.
       * @return {Command} `this` command for chaining
       */
      allowUnknownOption(allowUnknown = true) {
        this._allowUnknownOption = !!allowUnknown;
        return this;
      }
      /**
       * Allow excess command-arguments on the command line. Pass false to make excess arguments an error.
       *
       * @param {boolean} [allowExcess] - if `true` or omitted, no error will be thrown for excess arguments.
       * @return {Command} `this` command for chaining
       */
      allowExcessArguments(allowExcess = true) {
        this._allowExcessArguments = !!allowExcess;
        return this;
      }
      /**
       * Enable positional options. Positional means global options are specified before subcommands which lets
       * subcommands reuse the same option names, and also enables subcommands to turn on passThroughOptions.
       * The default behaviour is non-positional and global options may appear anywhere on the command line.
       *
       * @param {boolean} [positional]
       * @return {Command} `this` command for chaining
       */
      enablePositionalOptions(positional = true) {
        this._enablePositionalOptions = !!positional;
        return this;
      }
      /**
       * Pass through options that come after command-arguments rather than treat them as command-options,
       * so actual command-options come before command-arguments. Turning this on for a subcommand requires
       * positional options to have been enabled on the program (parent commands).
       * The default behaviour is non-positional and options may appear before or after command-arguments.
       *
       * @param {boolean} [passThrough] for unknown options.
       * @return {Command} `this` command for chaining
       */
      passThroughOptions(passThrough = true) {
        this._passThroughOptions = !!passThrough;
        this._checkForBrokenPassThrough();
        return this;
      }
      /**
       * @private
       */
      _checkForBrokenPassThrough() {
        if (this.parent && this._passThroughOptions && !this.parent._enablePositionalOptions) {
          throw new Error(
            `passThroughOptions cannot be used for '${this._name}' without turning on enablePositionalOptions for parent command(s)`
          );
        }
      }
      /**
       * Whether to store option values as properties on command object,
       * or store separately (specify false). In both cases the option values can be accessed using .opts().
       *
       * @param {boolean} [storeAsProperties=true]
       * @return {Command} `this` command for chaining
       */
      storeOptionsAsProperties(storeAsProperties = true) {
        if (this.options.length) {
          throw new Error("call .storeOptionsAsProperties() before adding options");
        }
        if (Object.keys(this._optionValues).length) {
          throw new Error(
            "call .storeOptionsAsProperties() before setting option values"
          );
        }
        this._storeOptionsAsProperties = !!storeAsProperties;
        return this;
      }
      /**
       * Retrieve option value.
       *
       * @param {string} key
       * @return {object} value
       */
      getOptionValue(key) {
        if (this._storeOptionsAsProperties) {
          return this[key];
        }
        return this._optionValues[key];
      }
      /**
       * Store option value.
       *
       * @param {string} key
       * @param {object} value
       * @return {Command} `this` command for chaining
       */
      setOptionValue(key, value) {
        return this.setOptionValueWithSource(key, value, void 0);
      }
      /**
       * Store option value and where the value came from.
       *
       * @param {string} key
       * @param {object} value
       * @param {string} source - expected values are default/config/env/cli/implied
       * @return {Command} `this` command for chaining
       */
      setOptionValueWithSource(key, value, source) {
        if (this._storeOptionsAsProperties) {
          this[key] = value;
        } else {
          this._optionValues[key] = value;
        }
        this._optionValueSources[key] = source;
        return this;
      }
      /**
       * Get source of option value.
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSource(key) {
        return this._optionValueSources[key];
      }
      /**
       * Get source of option value. See also .optsWithGlobals().
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSourceWithGlobals(key) {
        let source;
        this._getCommandAndAncestors().forEach((cmd) => {
          if (cmd.getOptionValueSource(key) !== void 0) {
            source = cmd.getOptionValueSource(key);
          }
        });
        return source;
      }
      /**
       * Get user arguments from implied or explicit arguments.
       * Side-effects: set _scriptPath if args included script. Used for default program name, and subcommand searches.
       *
       * @private
       */
      _prepareUserArgs(argv, parseOptions) {
        if (argv !== void 0 && !Array.isArray(argv)) {
          throw new Error("first parameter to parse must be array or undefined");
        }
        parseOptions = parseOptions || {};
        if (argv === void 0 && parseOptions.from === void 0) {
          if (process2.versions?.electron) {
            parseOptions.from = "electron";
          }
          const execArgv = process2.execArgv ?? [];
          if (execArgv.includes("-e") || execArgv.includes("--eval") || execArgv.includes("-p") || execArgv.includes("--print")) {
            parseOptions.from = "eval";
          }
        }
        if (argv === void 0) {
          argv = process2.argv;
        }
        this.rawArgs = argv.slice();
        let userArgs;
        switch (parseOptions.from) {
          case void 0:
          case "node":
            this._scriptPath = argv[1];
            userArgs = argv.slice(2);
            break;
          case "electron":
            if (process2.defaultApp) {
              this._scriptPath = argv[1];
              userArgs = argv.slice(2);
            } else {
              userArgs = argv.slice(1);
            }
            break;
          case "user":
            userArgs = argv.slice(0);
            break;
          case "eval":
            userArgs = argv.slice(1);
            break;
          default:
            throw new Error(
              `unexpected parse option { from: '${parseOptions.from}' }`
            );
        }
        if (!this._name && this._scriptPath)
          this.nameFromFilename(this._scriptPath);
        this._name = this._name || "program";
        return userArgs;
      }
      /**
       * Parse `argv`, setting options and invoking commands when defined.
       *
       * Use parseAsync instead of parse if any of your action handlers are async.
       *
       * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
       *
       * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
       * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
       * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
       * - `'user'`: just user arguments
       *
       * @example
       * program.parse(); // parse process.argv and auto-detect electron and special node flags
       * program.parse(process.argv); // assume argv[0] is app and argv[1] is script
       * program.parse(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
       *
       * @param {string[]} [argv] - optional, defaults to process.argv
       * @param {object} [parseOptions] - optionally specify style of options with from: node/user/electron
       * @param {string} [parseOptions.from] - where the args are from: 'node', 'user', 'electron'
       * @return {Command} `this` command for chaining
       */
      parse(argv, parseOptions) {
        this._prepareForParse();
        const userArgs = this._prepareUserArgs(argv, parseOptions);
        this._parseCommand([], userArgs);
        return this;
      }
      /**
       * Parse `argv`, setting options and invoking commands when defined.
       *
       * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
       *
       * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
       * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
       * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
       * - `'user'`: just user arguments
       *
       * @example
       * await program.parseAsync(); // parse process.argv and auto-detect electron and special node flags
       * await program.parseAsync(process.argv); // assume argv[0] is app and argv[1] is script
       * await program.parseAsync(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
       *
       * @param {string[]} [argv]
       * @param {object} [parseOptions]
       * @param {string} parseOptions.from - where the args are from: 'node', 'user', 'electron'
       * @return {Promise}
       */
      async parseAsync(argv, parseOptions) {
        this._prepareForParse();
        const userArgs = this._prepareUserArgs(argv, parseOptions);
        await this._parseCommand([], userArgs);
        return this;
      }
      _prepareForParse() {
        if (this._savedState === null) {
          this.saveStateBeforeParse();
        } else {
          this.restoreStateBeforeParse();
        }
      }
      /**
       * Called the first time parse is called to save state and allow a restore before subsequent calls to parse.
       * Not usually called directly, but available for subclasses to save their custom state.
       *
       * This is called in a lazy way. Only commands used in parsing chain will have state saved.
       */
      saveStateBeforeParse() {
        this._savedState = {
          // name is stable if supplied by author, but may be unspecified for root command and deduced during parsing
          _name: this._name,
          // option values before parse have default values (including false for negated options)
          // shallow clones
          _optionValues: { ...this._optionValues },
          _optionValueSources: { ...this._optionValueSources }
        };
      }
      /**
       * Restore state before parse for calls after the first.
       * Not usually called directly, but available for subclasses to save their custom state.
       *
       * This is called in a lazy way. Only commands used in parsing chain will have state restored.
       */
      restoreStateBeforeParse() {
        if (this._storeOptionsAsProperties)
          throw new Error(`Can not call parse again when storeOptionsAsProperties is true.
- either make a new Command for each call to parse, or stop storing options as properties`);
        this._name = this._savedState._name;
        this._scriptPath = null;
        this.rawArgs = [];
        this._optionValues = { ...this._savedState._optionValues };
        this._optionValueSources = { ...this._savedState._optionValueSources };
        this.args = [];
        this.processedArgs = [];
      }
      /**
       * Throw if expected executable is missing. Add lots of help for author.
       *
       * @param {string} executableFile
       * @param {string} executableDir
       * @param {string} subcommandName
       */
      _checkForMissingExecutable(executableFile, executableDir, subcommandName) {
        if (fs2.existsSync(executableFile)) return;
        const executableDirMessage = executableDir ? `searched for local subcommand relative to directory '${executableDir}'` : "no directory for search for local subcommand, use .executableDir() to supply a custom directory";
        const executableMissing = `'${executableFile}' does not exist
 - if '${subcommandName}' is not meant to be an executable command, remove description parameter from '.command()' and use '.description()' instead
 - if the default executable name is not suitable, use the executableFile option to supply a custom name or path
 - ${executableDirMessage}`;
        throw new Error(executableMissing);
      }
      /**
       * Execute a sub-command executable.
       *
       * @private
       */
      _executeSubCommand(subcommand, args) {
        args = args.slice();
        let launchWithNode = false;
        const sourceExt = [".js", ".ts", ".tsx", ".mjs", ".cjs"];
        function findFile(baseDir, baseName) {
          const localBin = path14.resolve(baseDir, baseName);
          if (fs2.existsSync(localBin)) return localBin;
          if (sourceExt.includes(path14.extname(baseName))) return void 0;
          const foundExt = sourceExt.find(
            (ext2) => fs2.existsSync(`${localBin}${ext2}`)
          );
          if (foundExt) return `${localBin}${foundExt}`;
          return void 0;
        }
        this._checkForMissingMandatoryOptions();
        this._checkForConflictingOptions();
        let executableFile = subcommand._executableFile || `${this._name}-${subcommand._name}`;
        let executableDir = this._executableDir || "";
        if (this._scriptPath) {
          let resolvedScriptPath;
          try {
            resolvedScriptPath = fs2.realpathSync(this._scriptPath);
          } catch {
            resolvedScriptPath = this._scriptPath;
          }
          executableDir = path14.resolve(
            path14.dirname(resolvedScriptPath),
            executableDir
          );
        }
        if (executableDir) {
          let localFile = findFile(executableDir, executableFile);
          if (!localFile && !subcommand._executableFile && this._scriptPath) {
            const legacyName = path14.basename(
              this._scriptPath,
              path14.extname(this._scriptPath)
            );
            if (legacyName !== this._name) {
              localFile = findFile(
                executableDir,
                `${legacyName}-${subcommand._name}`
              );
            }
          }
          executableFile = localFile || executableFile;
        }
        launchWithNode = sourceExt.includes(path14.extname(executableFile));
        let proc;
        if (process2.platform !== "win32") {
          if (launchWithNode) {
            args.unshift(executableFile);
            args = incrementNodeInspectorPort(process2.execArgv).concat(args);
            proc = childProcess.spawn(process2.argv[0], args, { stdio: "inherit" });
          } else {
            proc = childProcess.spawn(executableFile, args, { stdio: "inherit" });
          }
        } else {
          this._checkForMissingExecutable(
            executableFile,
            executableDir,
            subcommand._name
          );
          args.unshift(executableFile);
          args = incrementNodeInspectorPort(process2.execArgv).concat(args);
          proc = childProcess.spawn(process2.execPath, args, { stdio: "inherit" });
        }
        if (!proc.killed) {
          const signals = ["SIGUSR1", "SIGUSR2", "SIGTERM", "SIGINT", "SIGHUP"];
          signals.forEach((signal) => {
            process2.on(signal, () => {
              if (proc.killed === false && proc.exitCode === null) {
                proc.kill(signal);
              }
            });
          });
        }
        const exitCallback = this._exitCallback;
        proc.on("close", (code) => {
          code = code ?? 1;
          if (!exitCallback) {
            process2.exit(code);
          } else {
            exitCallback(
              new CommanderError2(
                code,
                "commander.executeSubCommandAsync",
                "(close)"
              )
            );
          }
        });
        proc.on("error", (err) => {
          if (err.code === "ENOENT") {
            this._checkForMissingExecutable(
              executableFile,
              executableDir,
              subcommand._name
            );
          } else if (err.code === "EACCES") {
            throw new Error(`'${executableFile}' not executable`);
          }
          if (!exitCallback) {
            process2.exit(1);
          } else {
            const wrappedError = new CommanderError2(
              1,
              "commander.executeSubCommandAsync",
              "(error)"
            );
            wrappedError.nestedError = err;
            exitCallback(wrappedError);
          }
        });
        this.runningCommand = proc;
      }
      /**
       * @private
       */
      _dispatchSubcommand(commandName, operands, unknown) {
        const subCommand = this._findCommand(commandName);
        if (!subCommand) this.help({ error: true });
        subCommand._prepareForParse();
        let promiseChain;
        promiseChain = this._chainOrCallSubCommandHook(
          promiseChain,
          subCommand,
          "preSubcommand"
        );
        promiseChain = this._chainOrCall(promiseChain, () => {
          if (subCommand._executableHandler) {
            this._executeSubCommand(subCommand, operands.concat(unknown));
          } else {
            return subCommand._parseCommand(operands, unknown);
          }
        });
        return promiseChain;
      }
      /**
       * Invoke help directly if possible, or dispatch if necessary.
       * e.g. help foo
       *
       * @private
       */
      _dispatchHelpCommand(subcommandName) {
        if (!subcommandName) {
          this.help();
        }
        const subCommand = this._findCommand(subcommandName);
        if (subCommand && !subCommand._executableHandler) {
          subCommand.help();
        }
        return this._dispatchSubcommand(
          subcommandName,
          [],
          [this._getHelpOption()?.long ?? this._getHelpOption()?.short ?? "--help"]
        );
      }
      /**
       * Check this.args against expected this.registeredArguments.
       *
       * @private
       */
      _checkNumberOfArguments() {
        this.registeredArguments.forEach((arg, i) => {
          if (arg.required && this.args[i] == null) {
            this.missingArgument(arg.name());
          }
        });
        if (this.registeredArguments.length > 0 && this.registeredArguments[this.registeredArguments.length - 1].variadic) {
          return;
        }
        if (this.args.length > this.registeredArguments.length) {
          this._excessArguments(this.args);
        }
      }
      /**
       * Process this.args using this.registeredArguments and save as this.processedArgs!
       *
       * @private
       */
      _processArguments() {
        const myParseArg = (argument, value, previous) => {
          let parsedValue = value;
          if (value !== null && argument.parseArg) {
            const invalidValueMessage = `error: command-argument value '${value}' is invalid for argument '${argument.name()}'.`;
            parsedValue = this._callParseArg(
              argument,
              value,
              previous,
              invalidValueMessage
            );
          }
          return parsedValue;
        };
        this._checkNumberOfArguments();
        const processedArgs = [];
        this.registeredArguments.forEach((declaredArg, index) => {
          let value = declaredArg.defaultValue;
          if (declaredArg.variadic) {
            if (index < this.args.length) {
              value = this.args.slice(index);
              if (declaredArg.parseArg) {
                value = value.reduce((processed, v2) => {
                  return myParseArg(declaredArg, v2, processed);
                }, declaredArg.defaultValue);
              }
            } else if (value === void 0) {
              value = [];
            }
          } else if (index < this.args.length) {
            value = this.args[index];
            if (declaredArg.parseArg) {
              value = myParseArg(declaredArg, value, declaredArg.defaultValue);
            }
          }
          processedArgs[index] = value;
        });
        this.processedArgs = processedArgs;
      }
      /**
       * Once we have a promise we chain, but call synchronously until then.
       *
       * @param {(Promise|undefined)} promise
       * @param {Function} fn
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCall(promise, fn) {
        if (promise?.then && typeof promise.then === "function") {
          return promise.then(() => fn());
        }
        return fn();
      }
      /**
       *
       * @param {(Promise|undefined)} promise
       * @param {string} event
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCallHooks(promise, event) {
        let result = promise;
        const hooks = [];
        this._getCommandAndAncestors().reverse().filter((cmd) => cmd._lifeCycleHooks[event] !== void 0).forEach((hookedCommand) => {
          hookedCommand._lifeCycleHooks[event].forEach((callback) => {
            hooks.push({ hookedCommand, callback });
          });
        });
        if (event === "postAction") {
          hooks.reverse();
        }
        hooks.forEach((hookDetail) => {
          result = this._chainOrCall(result, () => {
            return hookDetail.callback(hookDetail.hookedCommand, this);
          });
        });
        return result;
      }
      /**
       *
       * @param {(Promise|undefined)} promise
       * @param {Command} subCommand
       * @param {string} event
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCallSubCommandHook(promise, subCommand, event) {
        let result = promise;
        if (this._lifeCycleHooks[event] !== void 0) {
          this._lifeCycleHooks[event].forEach((hook) => {
            result = this._chainOrCall(result, () => {
              return hook(this, subCommand);
            });
          });
        }
        return result;
      }
      /**
       * Process arguments in context of this command.
       * Returns action result, in case it is a promise.
       *
       * @private
       */
      _parseCommand(operands, unknown) {
        const parsed = this.parseOptions(unknown);
        this._parseOptionsEnv();
        this._parseOptionsImplied();
        operands = operands.concat(parsed.operands);
        unknown = parsed.unknown;
        this.args = operands.concat(unknown);
        if (operands && this._findCommand(operands[0])) {
          return this._dispatchSubcommand(operands[0], operands.slice(1), unknown);
        }
        if (this._getHelpCommand() && operands[0] === this._getHelpCommand().name()) {
          return this._dispatchHelpCommand(operands[1]);
        }
        if (this._defaultCommandName) {
          this._outputHelpIfRequested(unknown);
          return this._dispatchSubcommand(
            this._defaultCommandName,
            operands,
            unknown
          );
        }
        if (this.commands.length && this.args.length === 0 && !this._actionHandler && !this._defaultCommandName) {
          this.help({ error: true });
        }
        this._outputHelpIfRequested(parsed.unknown);
        this._checkForMissingMandatoryOptions();
        this._checkForConflictingOptions();
        const checkForUnknownOptions = () => {
          if (parsed.unknown.length > 0) {
            this.unknownOption(parsed.unknown[0]);
          }
        };
        const commandEvent = `command:${this.name()}`;
        if (this._actionHandler) {
          checkForUnknownOptions();
          this._processArguments();
          let promiseChain;
          promiseChain = this._chainOrCallHooks(promiseChain, "preAction");
          promiseChain = this._chainOrCall(
            promiseChain,
            () => this._actionHandler(this.processedArgs)
          );
          if (this.parent) {
            promiseChain = this._chainOrCall(promiseChain, () => {
              this.parent.emit(commandEvent, operands, unknown);
            });
          }
          promiseChain = this._chainOrCallHooks(promiseChain, "postAction");
          return promiseChain;
        }
        if (this.parent?.listenerCount(commandEvent)) {
          checkForUnknownOptions();
          this._processArguments();
          this.parent.emit(commandEvent, operands, unknown);
        } else if (operands.length) {
          if (this._findCommand("*")) {
            return this._dispatchSubcommand("*", operands, unknown);
          }
          if (this.listenerCount("command:*")) {
            this.emit("command:*", operands, unknown);
          } else if (this.commands.length) {
            this.unknownCommand();
          } else {
            checkForUnknownOptions();
            this._processArguments();
          }
        } else if (this.commands.length) {
          checkForUnknownOptions();
          this.help({ error: true });
        } else {
          checkForUnknownOptions();
          this._processArguments();
        }
      }
      /**
       * Find matching command.
       *
       * @private
       * @return {Command | undefined}
       */
      _findCommand(name) {
        if (!name) return void 0;
        return this.commands.find(
          (cmd) => cmd._name === name || cmd._aliases.includes(name)
        );
      }
      /**
       * Return an option matching `arg` if any.
       *
       * @param {string} arg
       * @return {Option}
       * @package
       */
      _findOption(arg) {
        return this.options.find((option) => option.is(arg));
      }
      /**
       * Display an error message if a mandatory option does not have a value.
       * Called after checking for help flags in leaf subcommand.
       *
       * @private
       */
      _checkForMissingMandatoryOptions() {
        this._getCommandAndAncestors().forEach((cmd) => {
          cmd.options.forEach((anOption) => {
            if (anOption.mandatory && cmd.getOptionValue(anOption.attributeName()) === void 0) {
              cmd.missingMandatoryOptionValue(anOption);
            }
          });
        });
      }
      /**
       * Display an error message if conflicting options are used together in this.
       *
       * @private
       */
      _checkForConflictingLocalOptions() {
        const definedNonDefaultOptions = this.options.filter((option) => {
          const optionKey = option.attributeName();
          if (this.getOptionValue(optionKey) === void 0) {
            return false;
          }
          return this.getOptionValueSource(optionKey) !== "default";
        });
        const optionsWithConflicting = definedNonDefaultOptions.filter(
          (option) => option.conflictsWith.length > 0
        );
        optionsWithConflicting.forEach((option) => {
          const conflictingAndDefined = definedNonDefaultOptions.find(
            (defined) => option.conflictsWith.includes(defined.attributeName())
          );
          if (conflictingAndDefined) {
            this._conflictingOption(option, conflictingAndDefined);
          }
        });
      }
      /**
       * Display an error message if conflicting options are used together.
       * Called after checking for help flags in leaf subcommand.
       *
       * @private
       */
      _checkForConflictingOptions() {
        this._getCommandAndAncestors().forEach((cmd) => {
          cmd._checkForConflictingLocalOptions();
        });
      }
      /**
       * Parse options from `argv` removing known options,
       * and return argv split into operands and unknown arguments.
       *
       * Side effects: modifies command by storing options. Does not reset state if called again.
       *
       * Examples:
       *
       *     argv => operands, unknown
       *     --known kkk op => [op], []
       *     op --known kkk => [op], []
       *     sub --unknown uuu op => [sub], [--unknown uuu op]
       *     sub -- --unknown uuu op => [sub --unknown uuu op], []
       *
       * @param {string[]} args
       * @return {{operands: string[], unknown: string[]}}
       */
      parseOptions(args) {
        const operands = [];
        const unknown = [];
        let dest = operands;
        function maybeOption(arg) {
          return arg.length > 1 && arg[0] === "-";
        }
        const negativeNumberArg = (arg) => {
          if (!/^-(\d+|\d*\.\d+)(e[+-]?\d+)?$/.test(arg)) return false;
          return !this._getCommandAndAncestors().some(
            (cmd) => cmd.options.map((opt) => opt.short).some((short3) => /^-\d$/.test(short3))
          );
        };
        let activeVariadicOption = null;
        let activeGroup = null;
        let i = 0;
        while (i < args.length || activeGroup) {
          const arg = activeGroup ?? args[i++];
          activeGroup = null;
          if (arg === "--") {
            if (dest === unknown) dest.push(arg);
            dest.push(...args.slice(i));
            break;
          }
          if (activeVariadicOption && (!maybeOption(arg) || negativeNumberArg(arg))) {
            this.emit(`option:${activeVariadicOption.name()}`, arg);
            continue;
          }
          activeVariadicOption = null;
          if (maybeOption(arg)) {
            const option = this._findOption(arg);
            if (option) {
              if (option.required) {
                const value = args[i++];
                if (value === void 0) this.optionMissingArgument(option);
                this.emit(`option:${option.name()}`, value);
              } else if (option.optional) {
                let value = null;
                if (i < args.length && (!maybeOption(args[i]) || negativeNumberArg(args[i]))) {
                  value = args[i++];
                }
                this.emit(`option:${option.name()}`, value);
              } else {
                this.emit(`option:${option.name()}`);
              }
              activeVariadicOption = option.variadic ? option : null;
              continue;
            }
          }
          if (arg.length > 2 && arg[0] === "-" && arg[1] !== "-") {
            const option = this._findOption(`-${arg[1]}`);
            if (option) {
              if (option.required || option.optional && this._combineFlagAndOptionalValue) {
                this.emit(`option:${option.name()}`, arg.slice(2));
              } else {
                this.emit(`option:${option.name()}`);
                activeGroup = `-${arg.slice(2)}`;
              }
              continue;
            }
          }
          if (/^--[^=]+=/.test(arg)) {
            const index = arg.indexOf("=");
            const option = this._findOption(arg.slice(0, index));
            if (option && (option.required || option.optional)) {
              this.emit(`option:${option.name()}`, arg.slice(index + 1));
              continue;
            }
          }
          if (dest === operands && maybeOption(arg) && !(this.commands.length === 0 && negativeNumberArg(arg))) {
            dest = unknown;
          }
          if ((this._enablePositionalOptions || this._passThroughOptions) && operands.length === 0 && unknown.length === 0) {
            if (this._findCommand(arg)) {
              operands.push(arg);
              unknown.push(...args.slice(i));
              break;
            } else if (this._getHelpCommand() && arg === this._getHelpCommand().name()) {
              operands.push(arg, ...args.slice(i));
              break;
            } else if (this._defaultCommandName) {
              unknown.push(arg, ...args.slice(i));
              break;
            }
          }
          if (this._passThroughOptions) {
            dest.push(arg, ...args.slice(i));
            break;
          }
          dest.push(arg);
        }
        return { operands, unknown };
      }
      /**
       * Return an object containing local option values as key-value pairs.
       *
       * @return {object}
       */
      opts() {
        if (this._storeOptionsAsProperties) {
          const result = {};
          const len = this.options.length;
          for (let i = 0; i < len; i++) {
            const key = this.options[i].attributeName();
            result[key] = key === this._versionOptionName ? this._version : this[key];
          }
          return result;
        }
        return this._optionValues;
      }
      /**
       * Return an object containing merged local and global option values as key-value pairs.
       *
       * @return {object}
       */
      optsWithGlobals() {
        return this._getCommandAndAncestors().reduce(
          (combinedOptions, cmd) => Object.assign(combinedOptions, cmd.opts()),
          {}
        );
      }
      /**
       * Display error message and exit (or call exitOverride).
       *
       * @param {string} message
       * @param {object} [errorOptions]
       * @param {string} [errorOptions.code] - an id string representing the error
       * @param {number} [errorOptions.exitCode] - used with process.exit
       */
      error(message, errorOptions) {
        this._outputConfiguration.outputError(
          `${message}
`,
          this._outputConfiguration.writeErr
        );
        if (typeof this._showHelpAfterError === "string") {
          this._outputConfiguration.writeErr(`${this._showHelpAfterError}
`);
        } else if (this._showHelpAfterError) {
          this._outputConfiguration.writeErr("\n");
          this.outputHelp({ error: true });
        }
        const config = errorOptions || {};
        const exitCode = config.exitCode || 1;
        const code = config.code || "commander.error";
        this._exit(exitCode, code, message);
      }
      /**
       * Apply any option related environment variables, if option does
       * not have a value from cli or client code.
       *
       * @private
       */
      _parseOptionsEnv() {
        this.options.forEach((option) => {
          if (option.envVar && option.envVar in process2.env) {
            const optionKey = option.attributeName();
            if (this.getOptionValue(optionKey) === void 0 || ["default", "config", "env"].includes(
              this.getOptionValueSource(optionKey)
            )) {
              if (option.required || option.optional) {
                this.emit(`optionEnv:${option.name()}`, process2.env[option.envVar]);
              } else {
                this.emit(`optionEnv:${option.name()}`);
              }
            }
          }
        });
      }
      /**
       * Apply any implied option values, if option is undefined or default value.
       *
       * @private
       */
      _parseOptionsImplied() {
        const dualHelper = new DualOptions(this.options);
        const hasCustomOptionValue = (optionKey) => {
          return this.getOptionValue(optionKey) !== void 0 && !["default", "implied"].includes(this.getOptionValueSource(optionKey));
        };
        this.options.filter(
          (option) => option.implied !== void 0 && hasCustomOptionValue(option.attributeName()) && dualHelper.valueFromOption(
            this.getOptionValue(option.attributeName()),
            option
          )
        ).forEach((option) => {
          Object.keys(option.implied).filter((impliedKey) => !hasCustomOptionValue(impliedKey)).forEach((impliedKey) => {
            this.setOptionValueWithSource(
              impliedKey,
              option.implied[impliedKey],
              "implied"
            );
          });
        });
      }
      /**
       * Argument `name` is missing.
       *
       * @param {string} name
       * @private
       */
      missingArgument(name) {
        const message = `error: missing required argument '${name}'`;
        this.error(message, { code: "commander.missingArgument" });
      }
      /**
       * `Option` is missing an argument.
       *
       * @param {Option} option
       * @private
       */
      optionMissingArgument(option) {
        const message = `error: option '${option.flags}' argument missing`;
        this.error(message, { code: "commander.optionMissingArgument" });
      }
      /**
       * `Option` does not have a value, and is a mandatory option.
       *
       * @param {Option} option
       * @private
       */
      missingMandatoryOptionValue(option) {
        const message = `error: required option '${option.flags}' not specified`;
        this.error(message, { code: "commander.missingMandatoryOptionValue" });
      }
      /**
       * `Option` conflicts with another option.
       *
       * @param {Option} option
       * @param {Option} conflictingOption
       * @private
       */
      _conflictingOption(option, conflictingOption) {
        const findBestOptionFromValue = (option2) => {
          const optionKey = option2.attributeName();
          const optionValue = this.getOptionValue(optionKey);
          const negativeOption = this.options.find(
            (target) => target.negate && optionKey === target.attributeName()
          );
          const positiveOption = this.options.find(
            (target) => !target.negate && optionKey === target.attributeName()
          );
          if (negativeOption && (negativeOption.presetArg === void 0 && optionValue === false || negativeOption.presetArg !== void 0 && optionValue === negativeOption.presetArg)) {
            return negativeOption;
          }
          return positiveOption || option2;
        };
        const getErrorMessage = (option2) => {
          const bestOption = findBestOptionFromValue(option2);
          const optionKey = bestOption.attributeName();
          const source = this.getOptionValueSource(optionKey);
          if (source === "env") {
            return `environment variable '${bestOption.envVar}'`;
          }
          return `option '${bestOption.flags}'`;
        };
        const message = `error: ${getErrorMessage(option)} cannot be used with ${getErrorMessage(conflictingOption)}`;
        this.error(message, { code: "commander.conflictingOption" });
      }
      /**
       * Unknown option `flag`.
       *
       * @param {string} flag
       * @private
       */
      unknownOption(flag) {
        if (this._allowUnknownOption) return;
        let suggestion = "";
        if (flag.startsWith("--") && this._showSuggestionAfterError) {
          let candidateFlags = [];
          let command = this;
          do {
            const moreFlags = command.createHelp().visibleOptions(command).filter((option) => option.long).map((option) => option.long);
            candidateFlags = candidateFlags.concat(moreFlags);
            command = command.parent;
          } while (command && !command._enablePositionalOptions);
          suggestion = suggestSimilar(flag, candidateFlags);
        }
        const message = `error: unknown option '${flag}'${suggestion}`;
        this.error(message, { code: "commander.unknownOption" });
      }
      /**
       * Excess arguments, more than expected.
       *
       * @param {string[]} receivedArgs
       * @private
       */
      _excessArguments(receivedArgs) {
        if (this._allowExcessArguments) return;
        const expected = this.registeredArguments.length;
        const s3 = expected === 1 ? "" : "s";
        const forSubcommand = this.parent ? ` for '${this.name()}'` : "";
        const message = `error: too many arguments${forSubcommand}. Expected ${expected} argument${s3} but got ${receivedArgs.length}.`;
        this.error(message, { code: "commander.excessArguments" });
      }
      /**
       * Unknown command.
       *
       * @private
       */
      unknownCommand() {
        const unknownName = this.args[0];
        let suggestion = "";
        if (this._showSuggestionAfterError) {
          const candidateNames = [];
          this.createHelp().visibleCommands(this).forEach((command) => {
            candidateNames.push(command.name());
            if (command.alias()) candidateNames.push(command.alias());
          });
          suggestion = suggestSimilar(unknownName, candidateNames);
        }
        const message = `error: unknown command '${unknownName}'${suggestion}`;
        this.error(message, { code: "commander.unknownCommand" });
      }
      /**
       * Get or set the program version.
       *
       * This method auto-registers the "-V, --version" option which will print the version number.
       *
       * You can optionally supply the flags and description to override the defaults.
       *
       * @param {string} [str]
       * @param {string} [flags]
       * @param {string} [description]
       * @return {(this | string | undefined)} `this` command for chaining, or version string if no arguments
       */
      version(str2, flags, description) {
        if (str2 === void 0) return this._version;
        this._version = str2;
        flags = flags || "-V, --version";
        description = description || "output the version number";
        const versionOption = this.createOption(flags, description);
        this._versionOptionName = versionOption.attributeName();
        this._registerOption(versionOption);
        this.on("option:" + versionOption.name(), () => {
          this._outputConfiguration.writeOut(`${str2}
`);
          this._exit(0, "commander.version", str2);
        });
        return this;
      }
      /**
       * Set the description.
       *
       * @param {string} [str]
       * @param {object} [argsDescription]
       * @return {(string|Command)}
       */
      description(str2, argsDescription) {
        if (str2 === void 0 && argsDescription === void 0)
          return this._description;
        this._description = str2;
        if (argsDescription) {
          this._argsDescription = argsDescription;
        }
        return this;
      }
      /**
       * Set the summary. Used when listed as subcommand of parent.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      summary(str2) {
        if (str2 === void 0) return this._summary;
        this._summary = str2;
        return this;
      }
      /**
       * Set an alias for the command.
       *
       * You may call more than once to add multiple aliases. Only the first alias is shown in the auto-generated help.
       *
       * @param {string} [alias]
       * @return {(string|Command)}
       */
      alias(alias) {
        if (alias === void 0) return this._aliases[0];
        let command = this;
        if (this.commands.length !== 0 && this.commands[this.commands.length - 1]._executableHandler) {
          command = this.commands[this.commands.length - 1];
        }
        if (alias === command._name)
          throw new Error("Command alias can't be the same as its name");
        const matchingCommand = this.parent?._findCommand(alias);
        if (matchingCommand) {
          const existingCmd = [matchingCommand.name()].concat(matchingCommand.aliases()).join("|");
          throw new Error(
            `cannot add alias '${alias}' to command '${this.name()}' as already have command '${existingCmd}'`
          );
        }
        command._aliases.push(alias);
        return this;
      }
      /**
       * Set aliases for the command.
       *
       * Only the first alias is shown in the auto-generated help.
       *
       * @param {string[]} [aliases]
       * @return {(string[]|Command)}
       */
      aliases(aliases) {
        if (aliases === void 0) return this._aliases;
        aliases.forEach((alias) => this.alias(alias));
        return this;
      }
      /**
       * Set / get the command usage `str`.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      usage(str2) {
        if (str2 === void 0) {
          if (this._usage) return this._usage;
          const args = this.registeredArguments.map((arg) => {
            return humanReadableArgName(arg);
          });
          return [].concat(
            this.options.length || this._helpOption !== null ? "[options]" : [],
            this.commands.length ? "[command]" : [],
            this.registeredArguments.length ? args : []
          ).join(" ");
        }
        this._usage = str2;
        return this;
      }
      /**
       * Get or set the name of the command.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      name(str2) {
        if (str2 === void 0) return this._name;
        this._name = str2;
        return this;
      }
      /**
       * Set/get the help group heading for this subcommand in parent command's help.
       *
       * @param {string} [heading]
       * @return {Command | string}
       */
      helpGroup(heading) {
        if (heading === void 0) return this._helpGroupHeading ?? "";
        this._helpGroupHeading = heading;
        return this;
      }
      /**
       * Set/get the default help group heading for subcommands added to this command.
       * (This does not override a group set directly on the subcommand using .helpGroup().)
       *
       * @example
       * program.commandsGroup('Development Commands:);
       * program.command('watch')...
       * program.command('lint')...
       * ...
       *
       * @param {string} [heading]
       * @returns {Command | string}
       */
      commandsGroup(heading) {
        if (heading === void 0) return this._defaultCommandGroup ?? "";
        this._defaultCommandGroup = heading;
        return this;
      }
      /**
       * Set/get the default help group heading for options added to this command.
       * (This does not override a group set directly on the option using .helpGroup().)
       *
       * @example
       * program
       *   .optionsGroup('Development Options:')
       *   .option('-d, --debug', 'output extra debugging')
       *   .option('-p, --profile', 'output profiling information')
       *
       * @param {string} [heading]
       * @returns {Command | string}
       */
      optionsGroup(heading) {
        if (heading === void 0) return this._defaultOptionGroup ?? "";
        this._defaultOptionGroup = heading;
        return this;
      }
      /**
       * @param {Option} option
       * @private
       */
      _initOptionGroup(option) {
        if (this._defaultOptionGroup && !option.helpGroupHeading)
          option.helpGroup(this._defaultOptionGroup);
      }
      /**
       * @param {Command} cmd
       * @private
       */
      _initCommandGroup(cmd) {
        if (this._defaultCommandGroup && !cmd.helpGroup())
          cmd.helpGroup(this._defaultCommandGroup);
      }
      /**
       * Set the name of the command from script filename, such as process.argv[1],
       * or require.main.filename, or __filename.
       *
       * (Used internally and public although not documented in README.)
       *
       * @example
       * program.nameFromFilename(require.main.filename);
       *
       * @param {string} filename
       * @return {Command}
       */
      nameFromFilename(filename) {
        this._name = path14.basename(filename, path14.extname(filename));
        return this;
      }
      /**
       * Get or set the directory for searching for executable subcommands of this command.
       *
       * @example
       * program.executableDir(__dirname);
       * // or
       * program.executableDir('subcommands');
       *
       * @param {string} [path]
       * @return {(string|null|Command)}
       */
      executableDir(path15) {
        if (path15 === void 0) return this._executableDir;
        this._executableDir = path15;
        return this;
      }
      /**
       * Return program help documentation.
       *
       * @param {{ error: boolean }} [contextOptions] - pass {error:true} to wrap for stderr instead of stdout
       * @return {string}
       */
      helpInformation(contextOptions) {
        const helper = this.createHelp();
        const context = this._getOutputContext(contextOptions);
        helper.prepareContext({
          error: context.error,
          helpWidth: context.helpWidth,
          outputHasColors: context.hasColors
        });
        const text = helper.formatHelp(this, helper);
        if (context.hasColors) return text;
        return this._outputConfiguration.stripColor(text);
      }
      /**
       * @typedef HelpContext
       * @type {object}
       * @property {boolean} error
       * @property {number} helpWidth
       * @property {boolean} hasColors
       * @property {function} write - includes stripColor if needed
       *
       * @returns {HelpContext}
       * @private
       */
      _getOutputContext(contextOptions) {
        contextOptions = contextOptions || {};
        const error = !!contextOptions.error;
        let baseWrite;
        let hasColors;
        let helpWidth;
        if (error) {
          baseWrite = (str2) => this._outputConfiguration.writeErr(str2);
          hasColors = this._outputConfiguration.getErrHasColors();
          helpWidth = this._outputConfiguration.getErrHelpWidth();
        } else {
          baseWrite = (str2) => this._outputConfiguration.writeOut(str2);
          hasColors = this._outputConfiguration.getOutHasColors();
          helpWidth = this._outputConfiguration.getOutHelpWidth();
        }
        const write = (str2) => {
          if (!hasColors) str2 = this._outputConfiguration.stripColor(str2);
          return baseWrite(str2);
        };
        return { error, write, hasColors, helpWidth };
      }
      /**
       * Output help information for this command.
       *
       * Outputs built-in help, and custom text added using `.addHelpText()`.
       *
       * @param {{ error: boolean } | Function} [contextOptions] - pass {error:true} to write to stderr instead of stdout
       */
      outputHelp(contextOptions) {
        let deprecatedCallback;
        if (typeof contextOptions === "function") {
          deprecatedCallback = contextOptions;
          contextOptions = void 0;
        }
        const outputContext = this._getOutputContext(contextOptions);
        const eventContext = {
          error: outputContext.error,
          write: outputContext.write,
          command: this
        };
        this._getCommandAndAncestors().reverse().forEach((command) => command.emit("beforeAllHelp", eventContext));
        this.emit("beforeHelp", eventContext);
        let helpInformation = this.helpInformation({ error: outputContext.error });
        if (deprecatedCallback) {
          helpInformation = deprecatedCallback(helpInformation);
          if (typeof helpInformation !== "string" && !Buffer.isBuffer(helpInformation)) {
            throw new Error("outputHelp callback must return a string or a Buffer");
          }
        }
        outputContext.write(helpInformation);
        if (this._getHelpOption()?.long) {
          this.emit(this._getHelpOption().long);
        }
        this.emit("afterHelp", eventContext);
        this._getCommandAndAncestors().forEach(
          (command) => command.emit("afterAllHelp", eventContext)
        );
      }
      /**
       * You can pass in flags and a description to customise the built-in help option.
       * Pass in false to disable the built-in help option.
       *
       * @example
       * program.helpOption('-?, --help' 'show help'); // customise
       * program.helpOption(false); // disable
       *
       * @param {(string | boolean)} flags
       * @param {string} [description]
       * @return {Command} `this` command for chaining
       */
      helpOption(flags, description) {
        if (typeof flags === "boolean") {
          if (flags) {
            if (this._helpOption === null) this._helpOption = void 0;
            if (this._defaultOptionGroup) {
              this._initOptionGroup(this._getHelpOption());
            }
          } else {
            this._helpOption = null;
          }
          return this;
        }
        this._helpOption = this.createOption(
          flags ?? "-h, --help",
          description ?? "display help for command"
        );
        if (flags || description) this._initOptionGroup(this._helpOption);
        return this;
      }
      /**
       * Lazy create help option.
       * Returns null if has been disabled with .helpOption(false).
       *
       * @returns {(Option | null)} the help option
       * @package
       */
      _getHelpOption() {
        if (this._helpOption === void 0) {
          this.helpOption(void 0, void 0);
        }
        return this._helpOption;
      }
      /**
       * Supply your own option to use for the built-in help option.
       * This is an alternative to using helpOption() to customise the flags and description etc.
       *
       * @param {Option} option
       * @return {Command} `this` command for chaining
       */
      addHelpOption(option) {
        this._helpOption = option;
        this._initOptionGroup(option);
        return this;
      }
      /**
       * Output help information and exit.
       *
       * Outputs built-in help, and custom text added using `.addHelpText()`.
       *
       * @param {{ error: boolean }} [contextOptions] - pass {error:true} to write to stderr instead of stdout
       */
      help(contextOptions) {
        this.outputHelp(contextOptions);
        let exitCode = Number(process2.exitCode ?? 0);
        if (exitCode === 0 && contextOptions && typeof contextOptions !== "function" && contextOptions.error) {
          exitCode = 1;
        }
        this._exit(exitCode, "commander.help", "(outputHelp)");
      }
      /**
       * // Do a little typing to coordinate emit and listener for the help text events.
       * @typedef HelpTextEventContext
       * @type {object}
       * @property {boolean} error
       * @property {Command} command
       * @property {function} write
       */
      /**
       * Add additional text to be displayed with the built-in help.
       *
       * Position is 'before' or 'after' to affect just this command,
       * and 'beforeAll' or 'afterAll' to affect this command and all its subcommands.
       *
       * @param {string} position - before or after built-in help
       * @param {(string | Function)} text - string to add, or a function returning a string
       * @return {Command} `this` command for chaining
       */
      addHelpText(position, text) {
        const allowedValues = ["beforeAll", "before", "after", "afterAll"];
        if (!allowedValues.includes(position)) {
          throw new Error(`Unexpected value for position to addHelpText.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        const helpEvent = `${position}Help`;
        this.on(helpEvent, (context) => {
          let helpStr;
          if (typeof text === "function") {
            helpStr = text({ error: context.error, command: context.command });
          } else {
            helpStr = text;
          }
          if (helpStr) {
            context.write(`${helpStr}
`);
          }
        });
        return this;
      }
      /**
       * Output help information if help flags specified
       *
       * @param {Array} args - array of options to search for help flags
       * @private
       */
      _outputHelpIfRequested(args) {
        const helpOption = this._getHelpOption();
        const helpRequested = helpOption && args.find((arg) => helpOption.is(arg));
        if (helpRequested) {
          this.outputHelp();
          this._exit(0, "commander.helpDisplayed", "(outputHelp)");
        }
      }
    };
    function incrementNodeInspectorPort(args) {
      return args.map((arg) => {
        if (!arg.startsWith("--inspect")) {
          return arg;
        }
        let debugOption;
        let debugHost = "127.0.0.1";
        let debugPort = "9229";
        let match;
        if ((match = arg.match(/^(--inspect(-brk)?)$/)) !== null) {
          debugOption = match[1];
        } else if ((match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+)$/)) !== null) {
          debugOption = match[1];
          if (/^\d+$/.test(match[3])) {
            debugPort = match[3];
          } else {
            debugHost = match[3];
          }
        } else if ((match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+):(\d+)$/)) !== null) {
          debugOption = match[1];
          debugHost = match[3];
          debugPort = match[4];
        }
        if (debugOption && debugPort !== "0") {
          return `${debugOption}=${debugHost}:${parseInt(debugPort) + 1}`;
        }
        return arg;
      });
    }
    function useColor() {
      if (process2.env.NO_COLOR || process2.env.FORCE_COLOR === "0" || process2.env.FORCE_COLOR === "false")
        return false;
      if (process2.env.FORCE_COLOR || process2.env.CLICOLOR_FORCE !== void 0)
        return true;
      return void 0;
    }
    exports.Command = Command2;
    exports.useColor = useColor;
  }
});

// node_modules/commander/index.js
var require_commander = __commonJS({
  "node_modules/commander/index.js"(exports) {
    var { Argument: Argument2 } = require_argument();
    var { Command: Command2 } = require_command();
    var { CommanderError: CommanderError2, InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var { Help: Help2 } = require_help();
    var { Option: Option2 } = require_option();
    exports.program = new Command2();
    exports.createCommand = (name) => new Command2(name);
    exports.createOption = (flags, description) => new Option2(flags, description);
    exports.createArgument = (name, description) => new Argument2(name, description);
    exports.Command = Command2;
    exports.Option = Option2;
    exports.Argument = Argument2;
    exports.Help = Help2;
    exports.CommanderError = CommanderError2;
    exports.InvalidArgumentError = InvalidArgumentError2;
    exports.InvalidOptionArgumentError = InvalidArgumentError2;
  }
});

// node_modules/commander/esm.mjs
var import_index, program, createCommand, createArgument, createOption, CommanderError, InvalidArgumentError, InvalidOptionArgumentError, Command, Argument, Option, Help;
var init_esm = __esm({
  "node_modules/commander/esm.mjs"() {
    import_index = __toESM(require_commander(), 1);
    ({
      program,
      createCommand,
      createArgument,
      createOption,
      CommanderError,
      InvalidArgumentError,
      InvalidOptionArgumentError,
      Command: (
        // deprecated old name
        Command
      ),
      Argument,
      Option,
      Help
    } = import_index.default);
  }
});

// src/errors.ts
function reject(code, message, path14) {
  return new ModelsignError(code, message, path14 === void 0 ? { kind: "reject" } : { kind: "reject", path: path14 });
}
function usage(code, message, path14) {
  return new ModelsignError(code, message, path14 === void 0 ? { kind: "usage" } : { kind: "usage", path: path14 });
}
function toFailure(e) {
  return e.path === void 0 ? { code: e.code, message: e.message } : { code: e.code, path: e.path, message: e.message };
}
function errnoCode(e) {
  if (typeof e === "object" && e !== null && "code" in e && typeof e.code === "string") {
    return e.code;
  }
  return void 0;
}
var EXIT, ModelsignError;
var init_errors = __esm({
  "src/errors.ts"() {
    "use strict";
    EXIT = { ok: 0, reject: 1, usage: 2, internal: 3 };
    ModelsignError = class extends Error {
      code;
      kind;
      path;
      constructor(code, message, opts = {}) {
        super(message, opts.cause === void 0 ? void 0 : { cause: opts.cause });
        this.name = "ModelsignError";
        this.code = code;
        this.kind = opts.kind ?? "reject";
        this.path = opts.path;
      }
      get exitCode() {
        return EXIT[this.kind];
      }
    };
  }
});

// src/cli/io.ts
var io_exports = {};
__export(io_exports, {
  collect: () => collect,
  errorLine: () => errorLine,
  exitWith: () => exitWith,
  handleError: () => handleError,
  info: () => info,
  out: () => out,
  output: () => output,
  parsePositiveInt: () => parsePositiveInt,
  printJson: () => printJson,
  run: () => run,
  state: () => state
});
function errorLine(msg) {
  if (output.sink) return output.sink.error(msg);
  process.stderr.write(`modelsign: ${msg}
`);
}
function info(msg) {
  if (state.quiet) return;
  if (output.sink) return output.sink.info(msg);
  process.stderr.write(`${msg}
`);
}
function out(text) {
  if (output.sink) return output.sink.out(text);
  process.stdout.write(text.endsWith("\n") ? text : `${text}
`);
}
function printJson(v2) {
  if (output.sink) return output.sink.json(v2);
  process.stdout.write(JSON.stringify(v2, null, 2) + "\n");
}
function exitWith(code) {
  process.exitCode = code;
}
function handleError(e) {
  if (e instanceof ModelsignError) {
    errorLine(`${e.kind === "usage" ? "error" : "refused"}: ${e.message} [${e.code}]`);
    if (state.debug && e.stack) process.stderr.write(`${e.stack}
`);
    return e.exitCode;
  }
  const err = e;
  errorLine(`internal error: ${err?.message ?? String(e)}${state.debug ? "" : " (run with --debug for details)"}`);
  if (state.debug && err?.stack) process.stderr.write(`${err.stack}
`);
  return EXIT.internal;
}
function run(fn) {
  return async (...args) => {
    try {
      const code = await fn(...args);
      process.exitCode = code ?? 0;
    } catch (e) {
      process.exitCode = handleError(e);
    }
  };
}
function collect(value, previous = []) {
  return [...previous, value];
}
function parsePositiveInt(name) {
  return (v2) => {
    if (!/^\d+$/.test(v2) || Number(v2) <= 0 || !Number.isSafeInteger(Number(v2))) {
      throw new ModelsignError("BAD_OPTION", `${name} must be a positive whole number (got "${v2}")`, { kind: "usage" });
    }
    return Number(v2);
  };
}
var state, output;
var init_io = __esm({
  "src/cli/io.ts"() {
    "use strict";
    init_errors();
    state = { debug: false, quiet: false };
    output = {};
  }
});

// src/keys/algorithms.ts
import { createHash, sign as cSign, verify as cVerify } from "node:crypto";
function keyTypeOf(key) {
  const t = key.asymmetricKeyType;
  if (t === "ed25519") return "ed25519";
  if (t === "rsa") return "rsa";
  if (t === "ec") {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    if (curve === "prime256v1" || curve === "P-256") return "ecdsa-p256";
    if (curve === "secp384r1" || curve === "P-384") return "ecdsa-p384";
    if (curve === "secp521r1" || curve === "P-521") return "ecdsa-p521";
  }
  return void 0;
}
function digestFor(type) {
  switch (type) {
    case "ed25519":
      return null;
    case "ecdsa-p256":
      return "sha256";
    case "ecdsa-p384":
      return "sha384";
    case "ecdsa-p521":
      return "sha512";
    case "rsa":
      return "sha256";
  }
}
function signBytes(key, data) {
  const type = keyTypeOf(key);
  if (!type) throw new Error(`unsupported key type ${key.asymmetricKeyType}`);
  return cSign(digestFor(type), data, key);
}
function verifyBytes(key, data, sig) {
  const type = keyTypeOf(key);
  if (!type) return false;
  try {
    if (type === "rsa") {
      return cVerify("sha256", data, key, sig) || cVerify("sha256", data, {
        key,
        padding: 6
        /* RSA_PKCS1_PSS_PADDING */
      }, sig);
    }
    return cVerify(digestFor(type), data, key, sig);
  } catch {
    return false;
  }
}
function publicKeyPem(key) {
  return key.export({ type: "spki", format: "pem" }).toString();
}
function keyHint(pub) {
  return createHash("sha256").update(publicKeyPem(pub)).digest("hex");
}
var SIGNING_KEY_TYPES;
var init_algorithms = __esm({
  "src/keys/algorithms.ts"() {
    "use strict";
    SIGNING_KEY_TYPES = ["ed25519", "ecdsa-p256", "ecdsa-p384"];
  }
});

// node_modules/@noble/ciphers/utils.js
function isBytes(a) {
  return a instanceof Uint8Array || ArrayBuffer.isView(a) && a.constructor.name === "Uint8Array" && "BYTES_PER_ELEMENT" in a && a.BYTES_PER_ELEMENT === 1;
}
function abool(value, title = "") {
  if (typeof value !== "boolean")
    throw new TypeError(atitle(title) + "expected boolean, got type=" + typeof value);
  return value;
}
function anumber(n, title = "") {
  if (typeof n !== "number")
    throw new TypeError(atitle(title) + "expected number, got " + typeof n);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new RangeError(atitle(title) + "expected integer >= 0, got " + n);
  return n;
}
function abytes(value, length, title = "") {
  if (isBytes(value) && (length === void 0 || value.length === length))
    return value;
  if (length !== void 0)
    anumber(length, "length");
  const bytes = isBytes(value);
  const ofLen = length !== void 0 ? ` of length ${length}` : "";
  const got = bytes ? `length=${value.length}` : `type=${typeof value}`;
  const message = atitle(title) + "expected Uint8Array" + ofLen + ", got " + got;
  if (!bytes)
    throw new TypeError(message);
  throw new RangeError(message);
}
function aexists(instance, checkFinished = true) {
  if (instance.destroyed)
    throw new Error("hash was destroyed");
  if (checkFinished && instance.finished)
    throw new Error("digest() was already called");
}
function aoutput(out2, instance) {
  abytes(out2, void 0, "output");
  const min = instance.outputLen;
  if (!(out2.length >= min)) {
    throw new RangeError('"output" expected length >= ' + min);
  }
}
function u32(arr) {
  return new Uint32Array(arr.buffer, arr.byteOffset, Math.floor(arr.byteLength / 4));
}
function clean(...arrays) {
  for (let i = 0; i < arrays.length; i++) {
    arrays[i].fill(0);
  }
}
function byteSwap(word) {
  return word << 24 & 4278190080 | word << 8 & 16711680 | word >>> 8 & 65280 | word >>> 24 & 255;
}
function byteSwap32(arr) {
  for (let i = 0; i < arr.length; i++) {
    arr[i] = byteSwap(arr[i]);
  }
  return arr;
}
function overlapBytes(a, b2) {
  if (!a.byteLength || !b2.byteLength)
    return false;
  return a.buffer === b2.buffer && // best we can do, may fail with an obscure Proxy
  a.byteOffset < b2.byteOffset + b2.byteLength && // a starts before b end
  b2.byteOffset < a.byteOffset + a.byteLength;
}
function complexOverlapBytes(input, output2) {
  if (overlapBytes(input, output2) && input.byteOffset < output2.byteOffset)
    throw new Error("complex overlap of input and output is not supported");
}
function checkOpts(defaults, opts) {
  aobject(defaults, "defaults");
  aobject(opts, "opts");
  const merged = Object.assign(defaults, opts);
  return merged;
}
function equalBytes(a, b2) {
  a = abytes(a);
  b2 = abytes(b2);
  if (a.length !== b2.length)
    return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++)
    diff |= a[i] ^ b2[i];
  return diff === 0;
}
function wrapMacConstructor(keyLen, macCons, fromMsg) {
  const mac = macCons;
  const getArgs = fromMsg || (() => []);
  const macC = (msg, key) => mac(key, ...getArgs(msg)).update(msg).digest();
  const tmp = mac(new Uint8Array(keyLen), ...getArgs(new Uint8Array(0)));
  macC.outputLen = tmp.outputLen;
  macC.blockLen = tmp.blockLen;
  macC.create = (key, ...args) => mac(key, ...args);
  return macC;
}
function getOutput(expectedLength, out2, onlyAligned = true) {
  if (out2 === void 0)
    return new Uint8Array(expectedLength);
  abytes(out2, expectedLength, "output");
  if (onlyAligned && !isAligned32(out2))
    throw new Error("invalid output, must be aligned");
  return out2;
}
function isAligned32(bytes) {
  return bytes.byteOffset % 4 === 0;
}
function copyBytes(bytes) {
  return Uint8Array.from(abytes(bytes));
}
var atitle, aobject, isLE, swap32IfBE, wrapCipher;
var init_utils = __esm({
  "node_modules/@noble/ciphers/utils.js"() {
    atitle = (title) => title ? `"${title}" ` : "";
    aobject = (value, label2) => {
      if (value === null || typeof value !== "object" || Array.isArray(value))
        throw new TypeError(label2 === "object" ? "expected valid options object" : `"${label2}" expected object, got type=${typeof value}`);
    };
    isLE = /* @__PURE__ */ (() => new Uint8Array(new Uint32Array([287454020]).buffer)[0] === 68)();
    swap32IfBE = isLE ? (u2) => u2 : byteSwap32;
    wrapCipher = /* @__NO_SIDE_EFFECTS__ */ (params, constructor) => {
      function wrappedCipher(key, ...args) {
        abytes(key, void 0, "key");
        if (params.nonceLength !== void 0) {
          const nonce = args[0];
          abytes(nonce, params.varSizeNonce ? void 0 : params.nonceLength, "nonce");
        }
        const tagl = params.tagLength;
        const aadStart = params.nonceLength !== void 0 ? 1 : 0;
        if (!params.withAAD) {
          for (let i = aadStart; i < args.length; i++)
            if (isBytes(args[i]))
              throw new Error("AAD not supported");
        }
        if (params.withAAD && args[aadStart] !== void 0)
          abytes(args[aadStart], void 0, "AAD");
        const cipher = constructor(key, ...args);
        const checkOutput = (fnLength, output2) => {
          if (output2 !== void 0) {
            if (fnLength !== 2)
              throw new Error("cipher output not supported");
            abytes(output2, void 0, "output");
          }
        };
        let called = false;
        const wrCipher = {
          encrypt(data, output2) {
            if (called)
              throw new Error("cannot encrypt() twice with same key + nonce");
            called = true;
            abytes(data, void 0, "data");
            checkOutput(cipher.encrypt.length, output2);
            return cipher.encrypt(data, output2);
          },
          decrypt(data, output2) {
            abytes(data, void 0, "data");
            if (tagl && data.length < tagl)
              throw new Error('"ciphertext" expected length >= tagLength=' + tagl);
            checkOutput(cipher.decrypt.length, output2);
            return cipher.decrypt(data, output2);
          }
        };
        return wrCipher;
      }
      Object.assign(wrappedCipher, params);
      return wrappedCipher;
    };
  }
});

// node_modules/@noble/ciphers/_arx.js
function rotl(a, b2) {
  return a << b2 | a >>> 32 - b2;
}
function runCipher(core, sigma, key, nonce, data, output2, counter, rounds) {
  const len = data.length;
  const block = new Uint8Array(BLOCK_LEN);
  const b32 = u32(block);
  const isAligned = isLE && isAligned32(data) && isAligned32(output2);
  const d32 = isAligned ? u32(data) : U32_EMPTY;
  const o32 = isAligned ? u32(output2) : U32_EMPTY;
  if (!isLE) {
    for (let pos = 0; pos < len; counter++) {
      core(sigma, key, nonce, b32, counter, rounds);
      swap32IfBE(b32);
      if (counter >= MAX_COUNTER)
        throw new Error("arx: counter overflow");
      const take = Math.min(BLOCK_LEN, len - pos);
      for (let j2 = 0, posj; j2 < take; j2++) {
        posj = pos + j2;
        output2[posj] = data[posj] ^ block[j2];
      }
      pos += take;
    }
    return;
  }
  for (let pos = 0; pos < len; counter++) {
    core(sigma, key, nonce, b32, counter, rounds);
    if (counter >= MAX_COUNTER)
      throw new Error("arx: counter overflow");
    const take = Math.min(BLOCK_LEN, len - pos);
    if (isAligned && take === BLOCK_LEN) {
      const pos32 = pos / 4;
      if (pos % 4 !== 0)
        throw new Error("arx: invalid block position");
      for (let j2 = 0, posj; j2 < BLOCK_LEN32; j2++) {
        posj = pos32 + j2;
        o32[posj] = d32[posj] ^ b32[j2];
      }
      pos += BLOCK_LEN;
      continue;
    }
    for (let j2 = 0, posj; j2 < take; j2++) {
      posj = pos + j2;
      output2[posj] = data[posj] ^ block[j2];
    }
    pos += take;
  }
}
function createCipher(core, opts) {
  const { allowShortKeys, extendNonceFn, counterLength, counterRight, rounds } = checkOpts({ allowShortKeys: false, counterLength: 8, counterRight: false, rounds: 20 }, opts);
  if (typeof core !== "function")
    throw new Error("core must be a function");
  anumber(counterLength);
  anumber(rounds);
  abool(counterRight);
  abool(allowShortKeys);
  return (key, nonce, data, output2, counter = 0) => {
    abytes(key, void 0, "key");
    abytes(nonce, void 0, "nonce");
    abytes(data, void 0, "data");
    const len = data.length;
    const hasOutput = output2 !== void 0;
    output2 = getOutput(len, output2, false);
    if (hasOutput)
      complexOverlapBytes(data, output2);
    anumber(counter);
    if (counter < 0 || counter >= MAX_COUNTER)
      throw new Error("arx: counter overflow");
    const toClean = [];
    let l = key.length;
    let k2;
    let sigma;
    if (l === 32) {
      toClean.push(k2 = copyBytes(key));
      sigma = sigma32_32;
    } else if (l === 16 && allowShortKeys) {
      k2 = new Uint8Array(32);
      k2.set(key);
      k2.set(key, 16);
      sigma = sigma16_32;
      toClean.push(k2);
    } else {
      abytes(key, 32, "arx key");
      throw new Error("invalid key size");
    }
    if (!isLE || !isAligned32(nonce))
      toClean.push(nonce = copyBytes(nonce));
    let k32 = u32(k2);
    if (extendNonceFn) {
      if (nonce.length !== 24)
        throw new Error("arx: extended nonce must be 24 bytes");
      const n16 = nonce.subarray(0, 16);
      if (isLE)
        extendNonceFn(sigma, k32, u32(n16), k32);
      else {
        const sigmaRaw = swap32IfBE(Uint32Array.from(sigma));
        extendNonceFn(sigmaRaw, k32, u32(n16), k32);
        clean(sigmaRaw);
        swap32IfBE(k32);
      }
      nonce = nonce.subarray(16);
    } else if (!isLE)
      swap32IfBE(k32);
    const nonceNcLen = 16 - counterLength;
    if (nonceNcLen !== nonce.length)
      throw new Error(`arx: nonce must be ${nonceNcLen} or 16 bytes`);
    if (nonceNcLen !== 12) {
      const nc = new Uint8Array(12);
      nc.set(nonce, counterRight ? 0 : 12 - nonce.length);
      nonce = nc;
      toClean.push(nonce);
    }
    const n32 = swap32IfBE(u32(nonce));
    try {
      runCipher(core, sigma, k32, n32, data, output2, counter, rounds);
      return output2;
    } finally {
      clean(...toClean);
    }
  };
}
var encodeStr, sigma16_32, sigma32_32, BLOCK_LEN, BLOCK_LEN32, MAX_COUNTER, U32_EMPTY;
var init_arx = __esm({
  "node_modules/@noble/ciphers/_arx.js"() {
    init_utils();
    encodeStr = (str2) => Uint8Array.from(str2.split(""), (c) => c.charCodeAt(0));
    sigma16_32 = /* @__PURE__ */ (() => swap32IfBE(u32(encodeStr("expand 16-byte k"))))();
    sigma32_32 = /* @__PURE__ */ (() => swap32IfBE(u32(encodeStr("expand 32-byte k"))))();
    BLOCK_LEN = 64;
    BLOCK_LEN32 = 16;
    MAX_COUNTER = /* @__PURE__ */ (() => 2 ** 32 - 1)();
    U32_EMPTY = /* @__PURE__ */ Uint32Array.of();
  }
});

// node_modules/@noble/ciphers/_poly1305.js
function u8to16(a, i) {
  return a[i++] & 255 | (a[i++] & 255) << 8;
}
var Poly1305, poly1305;
var init_poly1305 = __esm({
  "node_modules/@noble/ciphers/_poly1305.js"() {
    init_utils();
    Poly1305 = class {
      blockLen = 16;
      outputLen = 16;
      buffer = new Uint8Array(16);
      r = new Uint16Array(10);
      // Allocating 1 array with .subarray() here is slower than 3
      h = new Uint16Array(10);
      pad = new Uint16Array(8);
      pos = 0;
      finished = false;
      destroyed = false;
      // Can be speed-up using BigUint64Array, at the cost of complexity
      constructor(key) {
        key = copyBytes(abytes(key, 32, "key"));
        const t0 = u8to16(key, 0);
        const t1 = u8to16(key, 2);
        const t2 = u8to16(key, 4);
        const t3 = u8to16(key, 6);
        const t4 = u8to16(key, 8);
        const t5 = u8to16(key, 10);
        const t6 = u8to16(key, 12);
        const t7 = u8to16(key, 14);
        this.r[0] = t0 & 8191;
        this.r[1] = (t0 >>> 13 | t1 << 3) & 8191;
        this.r[2] = (t1 >>> 10 | t2 << 6) & 7939;
        this.r[3] = (t2 >>> 7 | t3 << 9) & 8191;
        this.r[4] = (t3 >>> 4 | t4 << 12) & 255;
        this.r[5] = t4 >>> 1 & 8190;
        this.r[6] = (t4 >>> 14 | t5 << 2) & 8191;
        this.r[7] = (t5 >>> 11 | t6 << 5) & 8065;
        this.r[8] = (t6 >>> 8 | t7 << 8) & 8191;
        this.r[9] = t7 >>> 5 & 127;
        for (let i = 0; i < 8; i++)
          this.pad[i] = u8to16(key, 16 + 2 * i);
      }
      process(data, offset, isLast = false) {
        const hibit = isLast ? 0 : 1 << 11;
        const { h, r } = this;
        const r0 = r[0];
        const r1 = r[1];
        const r2 = r[2];
        const r3 = r[3];
        const r4 = r[4];
        const r5 = r[5];
        const r6 = r[6];
        const r7 = r[7];
        const r8 = r[8];
        const r9 = r[9];
        const t0 = u8to16(data, offset + 0);
        const t1 = u8to16(data, offset + 2);
        const t2 = u8to16(data, offset + 4);
        const t3 = u8to16(data, offset + 6);
        const t4 = u8to16(data, offset + 8);
        const t5 = u8to16(data, offset + 10);
        const t6 = u8to16(data, offset + 12);
        const t7 = u8to16(data, offset + 14);
        let h0 = h[0] + (t0 & 8191);
        let h1 = h[1] + ((t0 >>> 13 | t1 << 3) & 8191);
        let h2 = h[2] + ((t1 >>> 10 | t2 << 6) & 8191);
        let h3 = h[3] + ((t2 >>> 7 | t3 << 9) & 8191);
        let h4 = h[4] + ((t3 >>> 4 | t4 << 12) & 8191);
        let h5 = h[5] + (t4 >>> 1 & 8191);
        let h6 = h[6] + ((t4 >>> 14 | t5 << 2) & 8191);
        let h7 = h[7] + ((t5 >>> 11 | t6 << 5) & 8191);
        let h8 = h[8] + ((t6 >>> 8 | t7 << 8) & 8191);
        let h9 = h[9] + (t7 >>> 5 | hibit);
        let c = 0;
        let d0 = c + h0 * r0 + h1 * (5 * r9) + h2 * (5 * r8) + h3 * (5 * r7) + h4 * (5 * r6);
        c = d0 >>> 13;
        d0 &= 8191;
        d0 += h5 * (5 * r5) + h6 * (5 * r4) + h7 * (5 * r3) + h8 * (5 * r2) + h9 * (5 * r1);
        c += d0 >>> 13;
        d0 &= 8191;
        let d1 = c + h0 * r1 + h1 * r0 + h2 * (5 * r9) + h3 * (5 * r8) + h4 * (5 * r7);
        c = d1 >>> 13;
        d1 &= 8191;
        d1 += h5 * (5 * r6) + h6 * (5 * r5) + h7 * (5 * r4) + h8 * (5 * r3) + h9 * (5 * r2);
        c += d1 >>> 13;
        d1 &= 8191;
        let d2 = c + h0 * r2 + h1 * r1 + h2 * r0 + h3 * (5 * r9) + h4 * (5 * r8);
        c = d2 >>> 13;
        d2 &= 8191;
        d2 += h5 * (5 * r7) + h6 * (5 * r6) + h7 * (5 * r5) + h8 * (5 * r4) + h9 * (5 * r3);
        c += d2 >>> 13;
        d2 &= 8191;
        let d3 = c + h0 * r3 + h1 * r2 + h2 * r1 + h3 * r0 + h4 * (5 * r9);
        c = d3 >>> 13;
        d3 &= 8191;
        d3 += h5 * (5 * r8) + h6 * (5 * r7) + h7 * (5 * r6) + h8 * (5 * r5) + h9 * (5 * r4);
        c += d3 >>> 13;
        d3 &= 8191;
        let d4 = c + h0 * r4 + h1 * r3 + h2 * r2 + h3 * r1 + h4 * r0;
        c = d4 >>> 13;
        d4 &= 8191;
        d4 += h5 * (5 * r9) + h6 * (5 * r8) + h7 * (5 * r7) + h8 * (5 * r6) + h9 * (5 * r5);
        c += d4 >>> 13;
        d4 &= 8191;
        let d5 = c + h0 * r5 + h1 * r4 + h2 * r3 + h3 * r2 + h4 * r1;
        c = d5 >>> 13;
        d5 &= 8191;
        d5 += h5 * r0 + h6 * (5 * r9) + h7 * (5 * r8) + h8 * (5 * r7) + h9 * (5 * r6);
        c += d5 >>> 13;
        d5 &= 8191;
        let d6 = c + h0 * r6 + h1 * r5 + h2 * r4 + h3 * r3 + h4 * r2;
        c = d6 >>> 13;
        d6 &= 8191;
        d6 += h5 * r1 + h6 * r0 + h7 * (5 * r9) + h8 * (5 * r8) + h9 * (5 * r7);
        c += d6 >>> 13;
        d6 &= 8191;
        let d7 = c + h0 * r7 + h1 * r6 + h2 * r5 + h3 * r4 + h4 * r3;
        c = d7 >>> 13;
        d7 &= 8191;
        d7 += h5 * r2 + h6 * r1 + h7 * r0 + h8 * (5 * r9) + h9 * (5 * r8);
        c += d7 >>> 13;
        d7 &= 8191;
        let d8 = c + h0 * r8 + h1 * r7 + h2 * r6 + h3 * r5 + h4 * r4;
        c = d8 >>> 13;
        d8 &= 8191;
        d8 += h5 * r3 + h6 * r2 + h7 * r1 + h8 * r0 + h9 * (5 * r9);
        c += d8 >>> 13;
        d8 &= 8191;
        let d9 = c + h0 * r9 + h1 * r8 + h2 * r7 + h3 * r6 + h4 * r5;
        c = d9 >>> 13;
        d9 &= 8191;
        d9 += h5 * r4 + h6 * r3 + h7 * r2 + h8 * r1 + h9 * r0;
        c += d9 >>> 13;
        d9 &= 8191;
        c = (c << 2) + c | 0;
        c = c + d0 | 0;
        d0 = c & 8191;
        c = c >>> 13;
        d1 += c;
        h[0] = d0;
        h[1] = d1;
        h[2] = d2;
        h[3] = d3;
        h[4] = d4;
        h[5] = d5;
        h[6] = d6;
        h[7] = d7;
        h[8] = d8;
        h[9] = d9;
      }
      finalize() {
        const { h, pad } = this;
        const g2 = new Uint16Array(10);
        let c = h[1] >>> 13;
        h[1] &= 8191;
        for (let i = 2; i < 10; i++) {
          h[i] += c;
          c = h[i] >>> 13;
          h[i] &= 8191;
        }
        h[0] += c * 5;
        c = h[0] >>> 13;
        h[0] &= 8191;
        h[1] += c;
        c = h[1] >>> 13;
        h[1] &= 8191;
        h[2] += c;
        g2[0] = h[0] + 5;
        c = g2[0] >>> 13;
        g2[0] &= 8191;
        for (let i = 1; i < 10; i++) {
          g2[i] = h[i] + c;
          c = g2[i] >>> 13;
          g2[i] &= 8191;
        }
        g2[9] -= 1 << 13;
        let mask = (c ^ 1) - 1;
        for (let i = 0; i < 10; i++)
          g2[i] &= mask;
        mask = ~mask;
        for (let i = 0; i < 10; i++)
          h[i] = h[i] & mask | g2[i];
        h[0] = (h[0] | h[1] << 13) & 65535;
        h[1] = (h[1] >>> 3 | h[2] << 10) & 65535;
        h[2] = (h[2] >>> 6 | h[3] << 7) & 65535;
        h[3] = (h[3] >>> 9 | h[4] << 4) & 65535;
        h[4] = (h[4] >>> 12 | h[5] << 1 | h[6] << 14) & 65535;
        h[5] = (h[6] >>> 2 | h[7] << 11) & 65535;
        h[6] = (h[7] >>> 5 | h[8] << 8) & 65535;
        h[7] = (h[8] >>> 8 | h[9] << 5) & 65535;
        let f2 = h[0] + pad[0];
        h[0] = f2 & 65535;
        for (let i = 1; i < 8; i++) {
          f2 = (h[i] + pad[i] | 0) + (f2 >>> 16) | 0;
          h[i] = f2 & 65535;
        }
        clean(g2);
      }
      update(data) {
        aexists(this);
        abytes(data);
        data = copyBytes(data);
        const { buffer, blockLen } = this;
        const len = data.length;
        for (let pos = 0; pos < len; ) {
          const take = Math.min(blockLen - this.pos, len - pos);
          if (take === blockLen) {
            for (; blockLen <= len - pos; pos += blockLen)
              this.process(data, pos);
            continue;
          }
          buffer.set(data.subarray(pos, pos + take), this.pos);
          this.pos += take;
          pos += take;
          if (this.pos === blockLen) {
            this.process(buffer, 0, false);
            this.pos = 0;
          }
        }
        return this;
      }
      destroy() {
        this.destroyed = true;
        clean(this.h, this.r, this.buffer, this.pad);
      }
      digestInto(out2) {
        aexists(this);
        aoutput(out2, this);
        this.finished = true;
        const { buffer, h } = this;
        let { pos } = this;
        if (pos) {
          buffer[pos++] = 1;
          for (; pos < 16; pos++)
            buffer[pos] = 0;
          this.process(buffer, 0, true);
        }
        this.finalize();
        let opos = 0;
        for (let i = 0; i < 8; i++) {
          out2[opos++] = h[i] >>> 0;
          out2[opos++] = h[i] >>> 8;
        }
      }
      digest() {
        const { buffer, outputLen } = this;
        this.digestInto(buffer);
        const res = buffer.slice(0, outputLen);
        this.destroy();
        return res;
      }
    };
    poly1305 = /* @__PURE__ */ wrapMacConstructor(32, (key) => new Poly1305(key));
  }
});

// node_modules/@noble/ciphers/salsa.js
function salsaCore(s3, k2, n, out2, cnt, rounds = 20, cntHi = 0) {
  let y00 = s3[0], y01 = k2[0], y02 = k2[1], y03 = k2[2], y04 = k2[3], y05 = s3[1], y06 = n[0], y07 = n[1], y08 = cnt, y09 = cntHi, y10 = s3[2], y11 = k2[4], y12 = k2[5], y13 = k2[6], y14 = k2[7], y15 = s3[3];
  let x00 = y00, x01 = y01, x02 = y02, x03 = y03, x04 = y04, x05 = y05, x06 = y06, x07 = y07, x08 = y08, x09 = y09, x10 = y10, x11 = y11, x12 = y12, x13 = y13, x14 = y14, x15 = y15;
  for (let r = 0; r < rounds; r += 2) {
    x04 ^= rotl(x00 + x12 | 0, 7);
    x08 ^= rotl(x04 + x00 | 0, 9);
    x12 ^= rotl(x08 + x04 | 0, 13);
    x00 ^= rotl(x12 + x08 | 0, 18);
    x09 ^= rotl(x05 + x01 | 0, 7);
    x13 ^= rotl(x09 + x05 | 0, 9);
    x01 ^= rotl(x13 + x09 | 0, 13);
    x05 ^= rotl(x01 + x13 | 0, 18);
    x14 ^= rotl(x10 + x06 | 0, 7);
    x02 ^= rotl(x14 + x10 | 0, 9);
    x06 ^= rotl(x02 + x14 | 0, 13);
    x10 ^= rotl(x06 + x02 | 0, 18);
    x03 ^= rotl(x15 + x11 | 0, 7);
    x07 ^= rotl(x03 + x15 | 0, 9);
    x11 ^= rotl(x07 + x03 | 0, 13);
    x15 ^= rotl(x11 + x07 | 0, 18);
    x01 ^= rotl(x00 + x03 | 0, 7);
    x02 ^= rotl(x01 + x00 | 0, 9);
    x03 ^= rotl(x02 + x01 | 0, 13);
    x00 ^= rotl(x03 + x02 | 0, 18);
    x06 ^= rotl(x05 + x04 | 0, 7);
    x07 ^= rotl(x06 + x05 | 0, 9);
    x04 ^= rotl(x07 + x06 | 0, 13);
    x05 ^= rotl(x04 + x07 | 0, 18);
    x11 ^= rotl(x10 + x09 | 0, 7);
    x08 ^= rotl(x11 + x10 | 0, 9);
    x09 ^= rotl(x08 + x11 | 0, 13);
    x10 ^= rotl(x09 + x08 | 0, 18);
    x12 ^= rotl(x15 + x14 | 0, 7);
    x13 ^= rotl(x12 + x15 | 0, 9);
    x14 ^= rotl(x13 + x12 | 0, 13);
    x15 ^= rotl(x14 + x13 | 0, 18);
  }
  let oi2 = 0;
  out2[oi2++] = y00 + x00 | 0;
  out2[oi2++] = y01 + x01 | 0;
  out2[oi2++] = y02 + x02 | 0;
  out2[oi2++] = y03 + x03 | 0;
  out2[oi2++] = y04 + x04 | 0;
  out2[oi2++] = y05 + x05 | 0;
  out2[oi2++] = y06 + x06 | 0;
  out2[oi2++] = y07 + x07 | 0;
  out2[oi2++] = y08 + x08 | 0;
  out2[oi2++] = y09 + x09 | 0;
  out2[oi2++] = y10 + x10 | 0;
  out2[oi2++] = y11 + x11 | 0;
  out2[oi2++] = y12 + x12 | 0;
  out2[oi2++] = y13 + x13 | 0;
  out2[oi2++] = y14 + x14 | 0;
  out2[oi2++] = y15 + x15 | 0;
}
function hsalsa(s3, k2, i, out2) {
  const s22 = isLE ? s3 : swap32IfBE(s3.slice(0, 4));
  const k22 = isLE ? k2 : swap32IfBE(k2.slice(0, 8));
  const i2 = isLE ? i : swap32IfBE(i.slice(0, 4));
  const t = new Uint32Array(16);
  salsaCore(s22, k22, i2.subarray(0, 2), t, i2[2], 20, i2[3]);
  let oi2 = 0;
  out2[oi2++] = t[0] - s22[0] | 0;
  out2[oi2++] = t[5] - s22[1] | 0;
  out2[oi2++] = t[10] - s22[2] | 0;
  out2[oi2++] = t[15] - s22[3] | 0;
  out2[oi2++] = t[6] - i2[0] | 0;
  out2[oi2++] = t[7] - i2[1] | 0;
  out2[oi2++] = t[8] - i2[2] | 0;
  out2[oi2++] = t[9] - i2[3] | 0;
  swap32IfBE(out2);
  if (!isLE)
    clean(s22, k22, i2);
  clean(t);
}
var xsalsa20, xsalsa20poly1305;
var init_salsa = __esm({
  "node_modules/@noble/ciphers/salsa.js"() {
    init_arx();
    init_poly1305();
    init_utils();
    xsalsa20 = /* @__PURE__ */ createCipher(salsaCore, {
      counterRight: true,
      extendNonceFn: hsalsa
    });
    xsalsa20poly1305 = /* @__PURE__ */ wrapCipher({ blockSize: 64, nonceLength: 24, tagLength: 16 }, (key, nonce) => {
      return {
        encrypt(plaintext, output2) {
          output2 = getOutput(plaintext.length + 32, output2, false);
          const authKey = output2.subarray(0, 32);
          const ciphPlaintext = output2.subarray(32);
          output2.set(plaintext, 32);
          clean(authKey);
          xsalsa20(key, nonce, output2, output2);
          const tag = poly1305(ciphPlaintext, authKey);
          output2.set(tag, 16);
          clean(output2.subarray(0, 16), tag);
          return output2.subarray(16);
        },
        decrypt(ciphertext, output2) {
          abytes(ciphertext, void 0, "data");
          output2 = getOutput(ciphertext.length + 32, output2, false);
          const tmp = output2.subarray(0, 32);
          const passedTag = output2.subarray(32, 48);
          const ciphPlaintext = output2.subarray(48);
          output2.set(ciphertext, 32);
          clean(tmp);
          const authKey = xsalsa20(key, nonce, tmp, tmp);
          const tag = poly1305(ciphPlaintext, authKey);
          if (!equalBytes(passedTag, tag)) {
            clean(output2);
            throw new Error("invalid tag");
          }
          xsalsa20(key, nonce, output2.subarray(16), output2.subarray(16));
          clean(tmp, passedTag, tag);
          return ciphPlaintext;
        }
      };
    });
  }
});

// src/keys/pem.ts
function findPemBlocks(text) {
  const out2 = [];
  for (const m2 of text.matchAll(PEM_RE)) {
    const body = m2[2];
    const b64 = body.split(/\r?\n/).filter((l) => l.length > 0 && !l.includes(":")).join("");
    out2.push({ type: m2[1], der: Buffer.from(b64, "base64"), text: m2[0] });
  }
  return out2;
}
function toPem(type, der) {
  const b64 = Buffer.from(der).toString("base64");
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${type}-----
${lines.join("\n")}
-----END ${type}-----
`;
}
var PEM_RE;
var init_pem = __esm({
  "src/keys/pem.ts"() {
    "use strict";
    PEM_RE = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)-----END \1-----/g;
  }
});

// src/keys/encrypted.ts
import { randomBytes as randomBytes2, scryptSync } from "node:crypto";
function deriveKey(passphrase, salt, N2, r, p2) {
  return scryptSync(Buffer.from(passphrase, "utf8"), salt, 32, { N: N2, r, p: p2, maxmem: 256 * N2 * r + 16 * 1024 * 1024 });
}
function encryptPrivateKey(pkcs8Der, passphrase) {
  const salt = randomBytes2(32);
  const nonce = randomBytes2(24);
  const key = deriveKey(passphrase, salt, SCRYPT.N, SCRYPT.r, SCRYPT.p);
  const ct2 = xsalsa20poly1305(key, nonce).encrypt(pkcs8Der);
  const doc = {
    kdf: { name: "scrypt", params: { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p }, salt: salt.toString("base64") },
    cipher: { name: "nacl/secretbox", nonce: nonce.toString("base64") },
    ciphertext: Buffer.from(ct2).toString("base64")
  };
  return toPem(ENCRYPTED_PEM_TYPE, Buffer.from(JSON.stringify(doc)));
}
function decryptPrivateKey(blockDer, passphrase, file) {
  let doc;
  try {
    doc = JSON.parse(blockDer.toString("utf8"));
  } catch {
    throw usage("KEY_UNREADABLE", `encrypted key ${file} is malformed`);
  }
  const { kdf, cipher, ciphertext } = doc;
  const N2 = kdf?.params?.N;
  const r = kdf?.params?.r;
  const p2 = kdf?.params?.p;
  if (kdf?.name !== "scrypt" || cipher?.name !== "nacl/secretbox" || !kdf.salt || !cipher.nonce || !ciphertext || !N2 || !r || !p2) {
    throw usage("KEY_UNREADABLE", `encrypted key ${file} uses an unsupported format`);
  }
  if (N2 > 1 << 20 || r > 32 || p2 > 16 || (N2 & N2 - 1) !== 0) throw usage("KEY_UNREADABLE", `encrypted key ${file} asks for unreasonable scrypt parameters`);
  const key = deriveKey(passphrase, Buffer.from(kdf.salt, "base64"), N2, r, p2);
  try {
    return Buffer.from(xsalsa20poly1305(key, Buffer.from(cipher.nonce, "base64")).decrypt(Buffer.from(ciphertext, "base64")));
  } catch {
    throw usage("BAD_PASSPHRASE", `wrong passphrase for ${file}`);
  }
}
var ENCRYPTED_PEM_TYPE, LEGACY_ENCRYPTED_PEM_TYPES, SCRYPT;
var init_encrypted = __esm({
  "src/keys/encrypted.ts"() {
    "use strict";
    init_salsa();
    init_errors();
    init_pem();
    ENCRYPTED_PEM_TYPE = "ENCRYPTED SIGSTORE PRIVATE KEY";
    LEGACY_ENCRYPTED_PEM_TYPES = ["ENCRYPTED SIGSTORE PRIVATE KEY", "ENCRYPTED COSIGN PRIVATE KEY"];
    SCRYPT = { N: 32768, r: 8, p: 1 };
  }
});

// src/keys/passphrase.ts
import { spawnSync } from "node:child_process";
import { openSync, closeSync, readSync, writeSync } from "node:fs";
function passphraseFromEnv(env = process.env) {
  return env.MODELSIGN_PASSPHRASE ?? env.COSIGN_PASSWORD;
}
function promptTty(prompt) {
  let fd;
  try {
    fd = openSync("/dev/tty", "r+");
  } catch {
    return void 0;
  }
  try {
    writeSync(fd, prompt);
    spawnSync("stty", ["-echo"], { stdio: [fd, "ignore", "ignore"] });
    const buf = Buffer.alloc(1);
    let line = "";
    try {
      for (; ; ) {
        const n = readSync(fd, buf, 0, 1, null);
        if (n === 0 || buf[0] === 10 || buf[0] === 13) break;
        line += String.fromCharCode(buf[0]);
        if (line.length > 4096) break;
      }
    } finally {
      spawnSync("stty", ["echo"], { stdio: [fd, "ignore", "ignore"] });
      writeSync(fd, "\n");
    }
    return Buffer.from(line, "latin1").toString("utf8");
  } finally {
    closeSync(fd);
  }
}
function getPassphrase(purpose, file) {
  const env = passphraseFromEnv();
  if (env !== void 0) return env;
  if (process.stdin.isTTY || process.stderr.isTTY) {
    const p2 = promptTty(`Passphrase for ${file}: `);
    if (p2 !== void 0) {
      if (purpose === "encrypt") {
        const again = promptTty("Repeat passphrase: ");
        if (again !== p2) throw usage("PASSPHRASE_MISMATCH", "passphrases do not match");
      }
      return p2;
    }
  }
  throw usage(
    "NO_PASSPHRASE",
    purpose === "encrypt" ? "no passphrase: set MODELSIGN_PASSPHRASE, run on a terminal, or pass --unencrypted" : `no passphrase for ${file}: set MODELSIGN_PASSPHRASE or run on a terminal`
  );
}
var init_passphrase = __esm({
  "src/keys/passphrase.ts"() {
    "use strict";
    init_errors();
  }
});

// src/util/read-file.ts
import { constants } from "node:fs";
import { open } from "node:fs/promises";
async function readRegularFile(file, maxBytes, opts = {}) {
  const fh = await open(file, constants.O_RDONLY | constants.O_NONBLOCK | (opts.noFollow ? constants.O_NOFOLLOW : 0));
  try {
    const st2 = await fh.stat();
    if (!st2.isFile()) throw new NotRegularFile(file);
    if (st2.size > maxBytes) throw new FileTooLarge(file, maxBytes);
    const buf = Buffer.alloc(Math.min(st2.size, maxBytes) + 1);
    let n = 0;
    for (; ; ) {
      const { bytesRead } = await fh.read(buf, n, buf.length - n, n);
      if (bytesRead === 0) break;
      n += bytesRead;
      if (n === buf.length) break;
    }
    if (n > maxBytes) throw new FileTooLarge(file, maxBytes);
    return buf.subarray(0, n);
  } finally {
    await fh.close();
  }
}
var NotRegularFile, FileTooLarge;
var init_read_file = __esm({
  "src/util/read-file.ts"() {
    "use strict";
    NotRegularFile = class extends Error {
      constructor(file) {
        super(`not a regular file: ${file}`);
        this.file = file;
      }
    };
    FileTooLarge = class extends Error {
      constructor(file, maxBytes) {
        super(`larger than ${maxBytes} bytes: ${file}`);
        this.file = file;
        this.maxBytes = maxBytes;
      }
    };
  }
});

// src/keys/keyfile.ts
var keyfile_exports = {};
__export(keyfile_exports, {
  generateKeyPair: () => generateKeyPair,
  loadPrivateKey: () => loadPrivateKey,
  loadPublicKey: () => loadPublicKey,
  parsePublicKey: () => parsePublicKey,
  writeKeyPair: () => writeKeyPair
});
import { createPrivateKey, createPublicKey, generateKeyPairSync, X509Certificate } from "node:crypto";
import { writeFile, chmod } from "node:fs/promises";
async function readKeyText(file, what) {
  let buf;
  try {
    buf = await readRegularFile(file, MAX_KEY_FILE);
  } catch (e) {
    if (e instanceof FileTooLarge) throw usage("KEY_UNREADABLE", `${what} ${file} is larger than 1 MiB`);
    const c = e instanceof NotRegularFile ? "not a regular file" : errnoCode(e);
    throw usage("KEY_UNREADABLE", c === "ENOENT" ? `${what} not found: ${file}` : `cannot read ${what} ${file}: ${c ?? String(e)}`);
  }
  return buf.toString("utf8");
}
function parsePublicKey(text, file = "public key") {
  const blocks = findPemBlocks(text);
  const b2 = blocks.find((x) => x.type === "PUBLIC KEY") ?? blocks.find((x) => x.type === "CERTIFICATE");
  if (!b2) {
    if (blocks.some((x) => x.type.includes("PRIVATE KEY"))) throw usage("KEY_WRONG_KIND", `${file} is a private key; verify needs the public key (.pub)`);
    throw usage("KEY_UNREADABLE", `${file} holds no PEM public key`);
  }
  try {
    if (b2.type === "CERTIFICATE") return new X509Certificate(b2.der).publicKey;
    return createPublicKey({ key: b2.der, format: "der", type: "spki" });
  } catch (e) {
    throw usage("KEY_UNREADABLE", `${file} holds a malformed public key: ${e.message}`);
  }
}
async function loadPublicKey(file) {
  const key = parsePublicKey(await readKeyText(file, "public key"), file);
  if (!keyTypeOf(key)) throw usage("KEY_UNSUPPORTED", `${file}: unsupported key type ${key.asymmetricKeyType}`);
  return key;
}
async function loadPrivateKey(file) {
  const text = await readKeyText(file, "private key");
  const blocks = findPemBlocks(text);
  let key;
  const enc = blocks.find((b2) => LEGACY_ENCRYPTED_PEM_TYPES.includes(b2.type));
  try {
    if (enc) {
      const der = decryptPrivateKey(enc.der, getPassphrase("decrypt", file), file);
      key = createPrivateKey({ key: der, format: "der", type: "pkcs8" });
    } else {
      const plain = blocks.find((b2) => b2.type === "PRIVATE KEY");
      const sec1 = blocks.find((b2) => b2.type === "EC PRIVATE KEY");
      if (plain) key = createPrivateKey({ key: plain.der, format: "der", type: "pkcs8" });
      else if (sec1) key = createPrivateKey({ key: sec1.der, format: "der", type: "sec1" });
      else if (blocks.some((b2) => b2.type === "ENCRYPTED PRIVATE KEY")) {
        key = createPrivateKey({ key: text, format: "pem", passphrase: getPassphrase("decrypt", file) });
      }
    }
  } catch (e) {
    if (e instanceof Error && e.name === "ModelsignError") throw e;
    throw usage("KEY_UNREADABLE", `${file} holds a malformed private key: ${e.message}`);
  }
  if (!key) {
    if (blocks.some((b2) => b2.type === "PUBLIC KEY")) throw usage("KEY_WRONG_KIND", `${file} is a public key; sign needs the private key (.key)`);
    throw usage("KEY_UNREADABLE", `${file} holds no PEM private key`);
  }
  const t = keyTypeOf(key);
  if (!t || t === "rsa") throw usage("KEY_UNSUPPORTED", `${file}: unsupported key type for signing (${key.asymmetricKeyType})`);
  return key;
}
function generateKeyPair(type) {
  switch (type) {
    case "ed25519":
      return generateKeyPairSync("ed25519");
    case "ecdsa-p256":
      return generateKeyPairSync("ec", { namedCurve: "P-256" });
    case "ecdsa-p384":
      return generateKeyPairSync("ec", { namedCurve: "P-384" });
  }
}
async function writeKeyPair(prefix, type, passphrase) {
  const { privateKey, publicKey } = generateKeyPair(type);
  const pkcs8 = privateKey.export({ type: "pkcs8", format: "der" });
  const privText = passphrase === void 0 ? privateKey.export({ type: "pkcs8", format: "pem" }).toString() : encryptPrivateKey(pkcs8, passphrase);
  const privatePath = `${prefix}.key`;
  const publicPath = `${prefix}.pub`;
  try {
    await writeFile(privatePath, privText, { mode: 384, flag: "wx" });
    await chmod(privatePath, 384);
    await writeFile(publicPath, publicKeyPem(publicKey), { mode: 420, flag: "wx" });
  } catch (e) {
    const c = errnoCode(e);
    if (c === "EEXIST") throw usage("KEY_EXISTS", `refusing to overwrite existing key file (${privatePath} or ${publicPath})`);
    throw usage("KEY_WRITE_FAILED", `cannot write key files at ${prefix}: ${c ?? String(e)}`);
  }
  return { privatePath, publicPath, type, encrypted: passphrase !== void 0 };
}
var MAX_KEY_FILE;
var init_keyfile = __esm({
  "src/keys/keyfile.ts"() {
    "use strict";
    init_errors();
    init_algorithms();
    init_encrypted();
    init_passphrase();
    init_pem();
    init_read_file();
    MAX_KEY_FILE = 1024 * 1024;
  }
});

// src/verify/trust-key.ts
var trust_key_exports = {};
__export(trust_key_exports, {
  keyTrust: () => keyTrust
});
function keyTrust(key, label2) {
  const hint = keyHint(key);
  const type = keyTypeOf(key);
  return {
    label: label2,
    async verify(bundle, pae2) {
      const m2 = bundle.material;
      if (m2.kind !== "publicKey") {
        throw reject("SIG_WRONG_MATERIAL", `signature was made with a ${m2.kind === "certificate" ? "Sigstore certificate" : "certificate chain"}, not a public key; verify it with ${m2.kind === "certificate" ? "--identity/--identity-provider" : "--certificate-chain"}`);
      }
      if (m2.hint !== void 0 && m2.hint !== "" && m2.hint !== hint) {
        throw reject("KEY_HINT_MISMATCH", `signature names key ${m2.hint.slice(0, 16)}\u2026, not the trusted ${label2} (${hint.slice(0, 16)}\u2026)`);
      }
      if (m2.rawBytes !== void 0) {
        const embedded = findPemBlocks(m2.rawBytes.toString("utf8"))[0];
        const ours = findPemBlocks(publicKeyPem(key))[0];
        const same = embedded ? embedded.der.equals(ours.der) : m2.rawBytes.equals(ours.der);
        if (!same) throw reject("KEY_HINT_MISMATCH", `signature embeds a different public key than the trusted ${label2}`);
      }
      const ok = bundle.signatures.some((s3) => verifyBytes(key, pae2, s3.sig));
      if (!ok) throw reject("SIG_INVALID", `signature does not verify with ${label2}`);
      return { kind: "key", description: `${type} key sha256:${hint}`, keyHint: hint, keyType: type ?? "unknown", authority: label2 };
    }
  };
}
var init_trust_key = __esm({
  "src/verify/trust-key.ts"() {
    "use strict";
    init_errors();
    init_algorithms();
    init_pem();
  }
});

// node_modules/semver/internal/constants.js
var require_constants = __commonJS({
  "node_modules/semver/internal/constants.js"(exports, module) {
    "use strict";
    var SEMVER_SPEC_VERSION = "2.0.0";
    var MAX_LENGTH = 256;
    var MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER || /* istanbul ignore next */
    9007199254740991;
    var MAX_SAFE_COMPONENT_LENGTH = 16;
    var MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6;
    var WHITESPACE_CHARACTERS = [
      "	",
      "\n",
      "\v",
      "\f",
      "\r",
      " ",
      "\xA0",
      "\u1680",
      "\u2000",
      "\u2001",
      "\u2002",
      "\u2003",
      "\u2004",
      "\u2005",
      "\u2006",
      "\u2007",
      "\u2008",
      "\u2009",
      "\u200A",
      "\u2028",
      "\u2029",
      "\u202F",
      "\u205F",
      "\u3000",
      "\uFEFF"
    ];
    var RELEASE_TYPES = [
      "major",
      "premajor",
      "minor",
      "preminor",
      "patch",
      "prepatch",
      "prerelease"
    ];
    module.exports = {
      MAX_LENGTH,
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_SAFE_INTEGER,
      WHITESPACE_CHARACTERS,
      RELEASE_TYPES,
      SEMVER_SPEC_VERSION,
      FLAG_INCLUDE_PRERELEASE: 1,
      FLAG_LOOSE: 2
    };
  }
});

// node_modules/semver/internal/debug.js
var require_debug = __commonJS({
  "node_modules/semver/internal/debug.js"(exports, module) {
    "use strict";
    var debug = typeof process === "object" && process.env && process.env.NODE_DEBUG && /\bsemver\b/i.test(process.env.NODE_DEBUG) ? (...args) => console.error("SEMVER", ...args) : () => {
    };
    module.exports = debug;
  }
});

// node_modules/semver/internal/re.js
var require_re = __commonJS({
  "node_modules/semver/internal/re.js"(exports, module) {
    "use strict";
    var {
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_LENGTH
    } = require_constants();
    var debug = require_debug();
    exports = module.exports = {};
    var re2 = exports.re = [];
    var safeRe = exports.safeRe = [];
    var src = exports.src = [];
    var safeSrc = exports.safeSrc = [];
    var t = exports.t = {};
    var R2 = 0;
    var LETTERDASHNUMBER = "[a-zA-Z0-9-]";
    var safeRegexReplacements = [
      ["\\s", 1],
      ["\\d", MAX_LENGTH],
      [LETTERDASHNUMBER, MAX_SAFE_BUILD_LENGTH]
    ];
    var makeSafeRegex = (value) => {
      for (const [token, max] of safeRegexReplacements) {
        value = value.split(`${token}*`).join(`${token}{0,${max}}`).split(`${token}+`).join(`${token}{1,${max}}`);
      }
      return value;
    };
    var createToken = (name, value, isGlobal) => {
      const safe = makeSafeRegex(value);
      const index = R2++;
      debug(name, index, value);
      t[name] = index;
      src[index] = value;
      safeSrc[index] = safe;
      re2[index] = new RegExp(value, isGlobal ? "g" : void 0);
      safeRe[index] = new RegExp(safe, isGlobal ? "g" : void 0);
    };
    createToken("NUMERICIDENTIFIER", "0|[1-9]\\d*");
    createToken("NUMERICIDENTIFIERLOOSE", "\\d+");
    createToken("NONNUMERICIDENTIFIER", `\\d*[a-zA-Z-]${LETTERDASHNUMBER}*`);
    createToken("MAINVERSION", `(${src[t.NUMERICIDENTIFIER]})\\.(${src[t.NUMERICIDENTIFIER]})\\.(${src[t.NUMERICIDENTIFIER]})`);
    createToken("MAINVERSIONLOOSE", `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.(${src[t.NUMERICIDENTIFIERLOOSE]})\\.(${src[t.NUMERICIDENTIFIERLOOSE]})`);
    createToken("PRERELEASEIDENTIFIER", `(?:${src[t.NONNUMERICIDENTIFIER]}|${src[t.NUMERICIDENTIFIER]})`);
    createToken("PRERELEASEIDENTIFIERLOOSE", `(?:${src[t.NONNUMERICIDENTIFIER]}|${src[t.NUMERICIDENTIFIERLOOSE]})`);
    createToken("PRERELEASE", `(?:-(${src[t.PRERELEASEIDENTIFIER]}(?:\\.${src[t.PRERELEASEIDENTIFIER]})*))`);
    createToken("PRERELEASELOOSE", `(?:-?(${src[t.PRERELEASEIDENTIFIERLOOSE]}(?:\\.${src[t.PRERELEASEIDENTIFIERLOOSE]})*))`);
    createToken("BUILDIDENTIFIER", `${LETTERDASHNUMBER}+`);
    createToken("BUILD", `(?:\\+(${src[t.BUILDIDENTIFIER]}(?:\\.${src[t.BUILDIDENTIFIER]})*))`);
    createToken("FULLPLAIN", `v?${src[t.MAINVERSION]}${src[t.PRERELEASE]}?${src[t.BUILD]}?`);
    createToken("FULL", `^${src[t.FULLPLAIN]}$`);
    createToken("LOOSEPLAIN", `[v=\\s]*${src[t.MAINVERSIONLOOSE]}${src[t.PRERELEASELOOSE]}?${src[t.BUILD]}?`);
    createToken("LOOSE", `^${src[t.LOOSEPLAIN]}$`);
    createToken("GTLT", "((?:<|>)?=?)");
    createToken("XRANGEIDENTIFIERLOOSE", `${src[t.NUMERICIDENTIFIERLOOSE]}|x|X|\\*`);
    createToken("XRANGEIDENTIFIER", `${src[t.NUMERICIDENTIFIER]}|x|X|\\*`);
    createToken("XRANGEPLAIN", `[v=\\s]*(${src[t.XRANGEIDENTIFIER]})(?:\\.(${src[t.XRANGEIDENTIFIER]})(?:\\.(${src[t.XRANGEIDENTIFIER]})(?:${src[t.PRERELEASE]})?${src[t.BUILD]}?)?)?`);
    createToken("XRANGEPLAINLOOSE", `[v=\\s]*(${src[t.XRANGEIDENTIFIERLOOSE]})(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})(?:${src[t.PRERELEASELOOSE]})?${src[t.BUILD]}?)?)?`);
    createToken("XRANGE", `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAIN]}$`);
    createToken("XRANGELOOSE", `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("COERCEPLAIN", `${"(^|[^\\d])(\\d{1,"}${MAX_SAFE_COMPONENT_LENGTH}})(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?`);
    createToken("COERCE", `${src[t.COERCEPLAIN]}(?:$|[^\\d])`);
    createToken("COERCEFULL", src[t.COERCEPLAIN] + `(?:${src[t.PRERELEASE]})?(?:${src[t.BUILD]})?(?:$|[^\\d])`);
    createToken("COERCERTL", src[t.COERCE], true);
    createToken("COERCERTLFULL", src[t.COERCEFULL], true);
    createToken("LONETILDE", "(?:~>?)");
    createToken("TILDETRIM", `(\\s*)${src[t.LONETILDE]}\\s+`, true);
    exports.tildeTrimReplace = "$1~";
    createToken("TILDE", `^${src[t.LONETILDE]}${src[t.XRANGEPLAIN]}$`);
    createToken("TILDELOOSE", `^${src[t.LONETILDE]}${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("LONECARET", "(?:\\^)");
    createToken("CARETTRIM", `(\\s*)${src[t.LONECARET]}\\s+`, true);
    exports.caretTrimReplace = "$1^";
    createToken("CARET", `^${src[t.LONECARET]}${src[t.XRANGEPLAIN]}$`);
    createToken("CARETLOOSE", `^${src[t.LONECARET]}${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("COMPARATORLOOSE", `^${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]})$|^$`);
    createToken("COMPARATOR", `^${src[t.GTLT]}\\s*(${src[t.FULLPLAIN]})$|^$`);
    createToken("COMPARATORTRIM", `(\\s*)${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]}|${src[t.XRANGEPLAIN]})`, true);
    exports.comparatorTrimReplace = "$1$2$3";
    createToken("HYPHENRANGE", `^\\s*(${src[t.XRANGEPLAIN]})\\s+-\\s+(${src[t.XRANGEPLAIN]})\\s*$`);
    createToken("HYPHENRANGELOOSE", `^\\s*(${src[t.XRANGEPLAINLOOSE]})\\s+-\\s+(${src[t.XRANGEPLAINLOOSE]})\\s*$`);
    createToken("STAR", "(<|>)?=?\\s*\\*");
    createToken("GTE0", "^\\s*>=\\s*0\\.0\\.0\\s*$");
    createToken("GTE0PRE", "^\\s*>=\\s*0\\.0\\.0-0\\s*$");
  }
});

// node_modules/semver/internal/parse-options.js
var require_parse_options = __commonJS({
  "node_modules/semver/internal/parse-options.js"(exports, module) {
    "use strict";
    var looseOption = Object.freeze({ loose: true });
    var emptyOpts = Object.freeze({});
    var parseOptions = (options) => {
      if (!options) {
        return emptyOpts;
      }
      if (typeof options !== "object") {
        return looseOption;
      }
      return options;
    };
    module.exports = parseOptions;
  }
});

// node_modules/semver/internal/identifiers.js
var require_identifiers = __commonJS({
  "node_modules/semver/internal/identifiers.js"(exports, module) {
    "use strict";
    var numeric = /^[0-9]+$/;
    var compareIdentifiers = (a, b2) => {
      if (typeof a === "number" && typeof b2 === "number") {
        return a === b2 ? 0 : a < b2 ? -1 : 1;
      }
      const anum = numeric.test(a);
      const bnum = numeric.test(b2);
      if (anum && bnum) {
        a = +a;
        b2 = +b2;
      }
      return a === b2 ? 0 : anum && !bnum ? -1 : bnum && !anum ? 1 : a < b2 ? -1 : 1;
    };
    var rcompareIdentifiers = (a, b2) => compareIdentifiers(b2, a);
    module.exports = {
      compareIdentifiers,
      rcompareIdentifiers
    };
  }
});

// node_modules/semver/classes/semver.js
var require_semver = __commonJS({
  "node_modules/semver/classes/semver.js"(exports, module) {
    "use strict";
    var debug = require_debug();
    var { MAX_LENGTH, MAX_SAFE_INTEGER } = require_constants();
    var { safeRe: re2, t } = require_re();
    var parseOptions = require_parse_options();
    var { compareIdentifiers } = require_identifiers();
    var isPrereleaseIdentifier = (prerelease, identifier) => {
      const identifiers = identifier.split(".");
      if (identifiers.length > prerelease.length) {
        return false;
      }
      for (let i = 0; i < identifiers.length; i++) {
        if (compareIdentifiers(prerelease[i], identifiers[i]) !== 0) {
          return false;
        }
      }
      return true;
    };
    var SemVer = class _SemVer {
      constructor(version, options) {
        options = parseOptions(options);
        if (version instanceof _SemVer) {
          if (version.loose === !!options.loose && version.includePrerelease === !!options.includePrerelease) {
            return version;
          } else {
            version = version.version;
          }
        } else if (typeof version !== "string") {
          throw new TypeError(`Invalid version. Must be a string. Got type "${typeof version}".`);
        }
        if (version.length > MAX_LENGTH) {
          throw new TypeError(
            `version is longer than ${MAX_LENGTH} characters`
          );
        }
        debug("SemVer", version, options);
        this.options = options;
        this.loose = !!options.loose;
        this.includePrerelease = !!options.includePrerelease;
        const m2 = version.trim().match(options.loose ? re2[t.LOOSE] : re2[t.FULL]);
        if (!m2) {
          throw new TypeError(`Invalid Version: ${version}`);
        }
        this.raw = version;
        this.major = +m2[1];
        this.minor = +m2[2];
        this.patch = +m2[3];
        if (this.major > MAX_SAFE_INTEGER || this.major < 0) {
          throw new TypeError("Invalid major version");
        }
        if (this.minor > MAX_SAFE_INTEGER || this.minor < 0) {
          throw new TypeError("Invalid minor version");
        }
        if (this.patch > MAX_SAFE_INTEGER || this.patch < 0) {
          throw new TypeError("Invalid patch version");
        }
        if (!m2[4]) {
          this.prerelease = [];
        } else {
          this.prerelease = m2[4].split(".").map((id2) => {
            if (/^[0-9]+$/.test(id2)) {
              const num = +id2;
              if (num >= 0 && num < MAX_SAFE_INTEGER) {
                return num;
              }
            }
            return id2;
          });
        }
        this.build = m2[5] ? m2[5].split(".") : [];
        this.format();
      }
      format() {
        this.version = `${this.major}.${this.minor}.${this.patch}`;
        if (this.prerelease.length) {
          this.version += `-${this.prerelease.join(".")}`;
        }
        return this.version;
      }
      toString() {
        return this.version;
      }
      compare(other) {
        debug("SemVer.compare", this.version, this.options, other);
        if (!(other instanceof _SemVer)) {
          if (typeof other === "string" && other === this.version) {
            return 0;
          }
          other = new _SemVer(other, this.options);
        }
        if (other.version === this.version) {
          return 0;
        }
        return this.compareMain(other) || this.comparePre(other);
      }
      compareMain(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        if (this.major < other.major) {
          return -1;
        }
        if (this.major > other.major) {
          return 1;
        }
        if (this.minor < other.minor) {
          return -1;
        }
        if (this.minor > other.minor) {
          return 1;
        }
        if (this.patch < other.patch) {
          return -1;
        }
        if (this.patch > other.patch) {
          return 1;
        }
        return 0;
      }
      comparePre(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        if (this.prerelease.length && !other.prerelease.length) {
          return -1;
        } else if (!this.prerelease.length && other.prerelease.length) {
          return 1;
        } else if (!this.prerelease.length && !other.prerelease.length) {
          return 0;
        }
        let i = 0;
        do {
          const a = this.prerelease[i];
          const b2 = other.prerelease[i];
          debug("prerelease compare", i, a, b2);
          if (a === void 0 && b2 === void 0) {
            return 0;
          } else if (b2 === void 0) {
            return 1;
          } else if (a === void 0) {
            return -1;
          } else if (a === b2) {
            continue;
          } else {
            return compareIdentifiers(a, b2);
          }
        } while (++i);
      }
      compareBuild(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        let i = 0;
        do {
          const a = this.build[i];
          const b2 = other.build[i];
          debug("build compare", i, a, b2);
          if (a === void 0 && b2 === void 0) {
            return 0;
          } else if (b2 === void 0) {
            return 1;
          } else if (a === void 0) {
            return -1;
          } else if (a === b2) {
            continue;
          } else {
            return compareIdentifiers(a, b2);
          }
        } while (++i);
      }
      // preminor will bump the version up to the next minor release, and immediately
      // down to pre-release. premajor and prepatch work the same way.
      inc(release, identifier, identifierBase) {
        if (release.startsWith("pre")) {
          if (!identifier && identifierBase === false) {
            throw new Error("invalid increment argument: identifier is empty");
          }
          if (identifier) {
            const match = `-${identifier}`.match(this.options.loose ? re2[t.PRERELEASELOOSE] : re2[t.PRERELEASE]);
            if (!match || match[1] !== identifier) {
              throw new Error(`invalid identifier: ${identifier}`);
            }
          }
        }
        switch (release) {
          case "premajor":
            this.prerelease.length = 0;
            this.patch = 0;
            this.minor = 0;
            this.major++;
            this.inc("pre", identifier, identifierBase);
            break;
          case "preminor":
            this.prerelease.length = 0;
            this.patch = 0;
            this.minor++;
            this.inc("pre", identifier, identifierBase);
            break;
          case "prepatch":
            this.prerelease.length = 0;
            this.inc("patch", identifier, identifierBase);
            this.inc("pre", identifier, identifierBase);
            break;
          // If the input is a non-prerelease version, this acts the same as
          // prepatch.
          case "prerelease":
            if (this.prerelease.length === 0) {
              this.inc("patch", identifier, identifierBase);
            }
            this.inc("pre", identifier, identifierBase);
            break;
          case "release":
            if (this.prerelease.length === 0) {
              throw new Error(`version ${this.raw} is not a prerelease`);
            }
            this.prerelease.length = 0;
            break;
          case "major":
            if (this.minor !== 0 || this.patch !== 0 || this.prerelease.length === 0) {
              this.major++;
            }
            this.minor = 0;
            this.patch = 0;
            this.prerelease = [];
            break;
          case "minor":
            if (this.patch !== 0 || this.prerelease.length === 0) {
              this.minor++;
            }
            this.patch = 0;
            this.prerelease = [];
            break;
          case "patch":
            if (this.prerelease.length === 0) {
              this.patch++;
            }
            this.prerelease = [];
            break;
          // This probably shouldn't be used publicly.
          // 1.0.0 'pre' would become 1.0.0-0 which is the wrong direction.
          case "pre": {
            const base = Number(identifierBase) ? 1 : 0;
            if (this.prerelease.length === 0) {
              this.prerelease = [base];
            } else {
              let i = this.prerelease.length;
              while (--i >= 0) {
                if (typeof this.prerelease[i] === "number") {
                  this.prerelease[i]++;
                  i = -2;
                }
              }
              if (i === -1) {
                if (identifier === this.prerelease.join(".") && identifierBase === false) {
                  throw new Error("invalid increment argument: identifier already exists");
                }
                this.prerelease.push(base);
              }
            }
            if (identifier) {
              let prerelease = [identifier, base];
              if (identifierBase === false) {
                prerelease = [identifier];
              }
              if (isPrereleaseIdentifier(this.prerelease, identifier)) {
                const prereleaseBase = this.prerelease[identifier.split(".").length];
                if (isNaN(prereleaseBase)) {
                  this.prerelease = prerelease;
                }
              } else {
                this.prerelease = prerelease;
              }
            }
            break;
          }
          default:
            throw new Error(`invalid increment argument: ${release}`);
        }
        this.raw = this.format();
        if (this.build.length) {
          this.raw += `+${this.build.join(".")}`;
        }
        return this;
      }
    };
    module.exports = SemVer;
  }
});

// node_modules/semver/functions/parse.js
var require_parse = __commonJS({
  "node_modules/semver/functions/parse.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var parse2 = (version, options, throwErrors = false) => {
      if (version instanceof SemVer) {
        return version;
      }
      try {
        return new SemVer(version, options);
      } catch (er2) {
        if (!throwErrors) {
          return null;
        }
        throw er2;
      }
    };
    module.exports = parse2;
  }
});

// node_modules/semver/functions/valid.js
var require_valid = __commonJS({
  "node_modules/semver/functions/valid.js"(exports, module) {
    "use strict";
    var parse2 = require_parse();
    var valid = (version, options) => {
      const v2 = parse2(version, options);
      return v2 ? v2.version : null;
    };
    module.exports = valid;
  }
});

// node_modules/semver/functions/clean.js
var require_clean = __commonJS({
  "node_modules/semver/functions/clean.js"(exports, module) {
    "use strict";
    var parse2 = require_parse();
    var clean5 = (version, options) => {
      const s3 = parse2(version.trim().replace(/^[=v]+/, ""), options);
      return s3 ? s3.version : null;
    };
    module.exports = clean5;
  }
});

// node_modules/semver/functions/inc.js
var require_inc = __commonJS({
  "node_modules/semver/functions/inc.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var inc = (version, release, options, identifier, identifierBase) => {
      if (typeof options === "string") {
        identifierBase = identifier;
        identifier = options;
        options = void 0;
      }
      try {
        return new SemVer(
          version instanceof SemVer ? version.version : version,
          options
        ).inc(release, identifier, identifierBase).version;
      } catch (er2) {
        return null;
      }
    };
    module.exports = inc;
  }
});

// node_modules/semver/functions/diff.js
var require_diff = __commonJS({
  "node_modules/semver/functions/diff.js"(exports, module) {
    "use strict";
    var parse2 = require_parse();
    var diff = (version1, version2) => {
      const v1 = parse2(version1, null, true);
      const v2 = parse2(version2, null, true);
      const comparison = v1.compare(v2);
      if (comparison === 0) {
        return null;
      }
      const v1Higher = comparison > 0;
      const highVersion = v1Higher ? v1 : v2;
      const lowVersion = v1Higher ? v2 : v1;
      const highHasPre = !!highVersion.prerelease.length;
      const lowHasPre = !!lowVersion.prerelease.length;
      if (lowHasPre && !highHasPre) {
        if (!lowVersion.patch && !lowVersion.minor) {
          return "major";
        }
        if (lowVersion.compareMain(highVersion) === 0) {
          if (lowVersion.minor && !lowVersion.patch) {
            return "minor";
          }
          return "patch";
        }
      }
      const prefix = highHasPre ? "pre" : "";
      if (v1.major !== v2.major) {
        return prefix + "major";
      }
      if (v1.minor !== v2.minor) {
        return prefix + "minor";
      }
      if (v1.patch !== v2.patch) {
        return prefix + "patch";
      }
      return "prerelease";
    };
    module.exports = diff;
  }
});

// node_modules/semver/functions/major.js
var require_major = __commonJS({
  "node_modules/semver/functions/major.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var major = (a, loose) => new SemVer(a, loose).major;
    module.exports = major;
  }
});

// node_modules/semver/functions/minor.js
var require_minor = __commonJS({
  "node_modules/semver/functions/minor.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var minor = (a, loose) => new SemVer(a, loose).minor;
    module.exports = minor;
  }
});

// node_modules/semver/functions/patch.js
var require_patch = __commonJS({
  "node_modules/semver/functions/patch.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var patch = (a, loose) => new SemVer(a, loose).patch;
    module.exports = patch;
  }
});

// node_modules/semver/functions/prerelease.js
var require_prerelease = __commonJS({
  "node_modules/semver/functions/prerelease.js"(exports, module) {
    "use strict";
    var parse2 = require_parse();
    var prerelease = (version, options) => {
      const parsed = parse2(version, options);
      return parsed && parsed.prerelease.length ? parsed.prerelease : null;
    };
    module.exports = prerelease;
  }
});

// node_modules/semver/functions/compare.js
var require_compare = __commonJS({
  "node_modules/semver/functions/compare.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var compare = (a, b2, loose) => new SemVer(a, loose).compare(new SemVer(b2, loose));
    module.exports = compare;
  }
});

// node_modules/semver/functions/rcompare.js
var require_rcompare = __commonJS({
  "node_modules/semver/functions/rcompare.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var rcompare = (a, b2, loose) => compare(b2, a, loose);
    module.exports = rcompare;
  }
});

// node_modules/semver/functions/compare-loose.js
var require_compare_loose = __commonJS({
  "node_modules/semver/functions/compare-loose.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var compareLoose = (a, b2) => compare(a, b2, true);
    module.exports = compareLoose;
  }
});

// node_modules/semver/functions/compare-build.js
var require_compare_build = __commonJS({
  "node_modules/semver/functions/compare-build.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var compareBuild = (a, b2, loose) => {
      const versionA = new SemVer(a, loose);
      const versionB = new SemVer(b2, loose);
      return versionA.compare(versionB) || versionA.compareBuild(versionB);
    };
    module.exports = compareBuild;
  }
});

// node_modules/semver/functions/sort.js
var require_sort = __commonJS({
  "node_modules/semver/functions/sort.js"(exports, module) {
    "use strict";
    var compareBuild = require_compare_build();
    var sort = (list, loose) => list.sort((a, b2) => compareBuild(a, b2, loose));
    module.exports = sort;
  }
});

// node_modules/semver/functions/rsort.js
var require_rsort = __commonJS({
  "node_modules/semver/functions/rsort.js"(exports, module) {
    "use strict";
    var compareBuild = require_compare_build();
    var rsort = (list, loose) => list.sort((a, b2) => compareBuild(b2, a, loose));
    module.exports = rsort;
  }
});

// node_modules/semver/functions/gt.js
var require_gt = __commonJS({
  "node_modules/semver/functions/gt.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var gt2 = (a, b2, loose) => compare(a, b2, loose) > 0;
    module.exports = gt2;
  }
});

// node_modules/semver/functions/lt.js
var require_lt = __commonJS({
  "node_modules/semver/functions/lt.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var lt2 = (a, b2, loose) => compare(a, b2, loose) < 0;
    module.exports = lt2;
  }
});

// node_modules/semver/functions/eq.js
var require_eq = __commonJS({
  "node_modules/semver/functions/eq.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var eq = (a, b2, loose) => compare(a, b2, loose) === 0;
    module.exports = eq;
  }
});

// node_modules/semver/functions/neq.js
var require_neq = __commonJS({
  "node_modules/semver/functions/neq.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var neq = (a, b2, loose) => compare(a, b2, loose) !== 0;
    module.exports = neq;
  }
});

// node_modules/semver/functions/gte.js
var require_gte = __commonJS({
  "node_modules/semver/functions/gte.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var gte = (a, b2, loose) => compare(a, b2, loose) >= 0;
    module.exports = gte;
  }
});

// node_modules/semver/functions/lte.js
var require_lte = __commonJS({
  "node_modules/semver/functions/lte.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var lte = (a, b2, loose) => compare(a, b2, loose) <= 0;
    module.exports = lte;
  }
});

// node_modules/semver/functions/cmp.js
var require_cmp = __commonJS({
  "node_modules/semver/functions/cmp.js"(exports, module) {
    "use strict";
    var eq = require_eq();
    var neq = require_neq();
    var gt2 = require_gt();
    var gte = require_gte();
    var lt2 = require_lt();
    var lte = require_lte();
    var cmp = (a, op, b2, loose) => {
      switch (op) {
        case "===":
          if (typeof a === "object") {
            a = a.version;
          }
          if (typeof b2 === "object") {
            b2 = b2.version;
          }
          return a === b2;
        case "!==":
          if (typeof a === "object") {
            a = a.version;
          }
          if (typeof b2 === "object") {
            b2 = b2.version;
          }
          return a !== b2;
        case "":
        case "=":
        case "==":
          return eq(a, b2, loose);
        case "!=":
          return neq(a, b2, loose);
        case ">":
          return gt2(a, b2, loose);
        case ">=":
          return gte(a, b2, loose);
        case "<":
          return lt2(a, b2, loose);
        case "<=":
          return lte(a, b2, loose);
        default:
          throw new TypeError(`Invalid operator: ${op}`);
      }
    };
    module.exports = cmp;
  }
});

// node_modules/semver/functions/coerce.js
var require_coerce = __commonJS({
  "node_modules/semver/functions/coerce.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var parse2 = require_parse();
    var { safeRe: re2, t } = require_re();
    var coerce = (version, options) => {
      if (version instanceof SemVer) {
        return version;
      }
      if (typeof version === "number") {
        version = String(version);
      }
      if (typeof version !== "string") {
        return null;
      }
      options = options || {};
      let match = null;
      if (!options.rtl) {
        match = version.match(options.includePrerelease ? re2[t.COERCEFULL] : re2[t.COERCE]);
      } else {
        const coerceRtlRegex = options.includePrerelease ? re2[t.COERCERTLFULL] : re2[t.COERCERTL];
        let next;
        while ((next = coerceRtlRegex.exec(version)) && (!match || match.index + match[0].length !== version.length)) {
          if (!match || next.index + next[0].length !== match.index + match[0].length) {
            match = next;
          }
          coerceRtlRegex.lastIndex = next.index + next[1].length + next[2].length;
        }
        coerceRtlRegex.lastIndex = -1;
      }
      if (match === null) {
        return null;
      }
      const major = match[2];
      const minor = match[3] || "0";
      const patch = match[4] || "0";
      const prerelease = options.includePrerelease && match[5] ? `-${match[5]}` : "";
      const build = options.includePrerelease && match[6] ? `+${match[6]}` : "";
      return parse2(`${major}.${minor}.${patch}${prerelease}${build}`, options);
    };
    module.exports = coerce;
  }
});

// node_modules/semver/functions/truncate.js
var require_truncate = __commonJS({
  "node_modules/semver/functions/truncate.js"(exports, module) {
    "use strict";
    var parse2 = require_parse();
    var constants4 = require_constants();
    var SemVer = require_semver();
    var truncate = (version, truncation, options) => {
      if (!constants4.RELEASE_TYPES.includes(truncation)) {
        return null;
      }
      const clonedVersion = cloneInputVersion(version, options);
      return clonedVersion && doTruncation(clonedVersion, truncation);
    };
    var cloneInputVersion = (version, options) => {
      const versionStringToParse = version instanceof SemVer ? version.version : version;
      return parse2(versionStringToParse, options);
    };
    var doTruncation = (version, truncation) => {
      if (isPrerelease(truncation)) {
        return version.version;
      }
      version.prerelease = [];
      switch (truncation) {
        case "major":
          version.minor = 0;
          version.patch = 0;
          break;
        case "minor":
          version.patch = 0;
          break;
      }
      return version.format();
    };
    var isPrerelease = (type) => {
      return type.startsWith("pre");
    };
    module.exports = truncate;
  }
});

// node_modules/semver/internal/lrucache.js
var require_lrucache = __commonJS({
  "node_modules/semver/internal/lrucache.js"(exports, module) {
    "use strict";
    var LRUCache = class {
      constructor() {
        this.max = 1e3;
        this.map = /* @__PURE__ */ new Map();
      }
      get(key) {
        const value = this.map.get(key);
        if (value === void 0) {
          return void 0;
        } else {
          this.map.delete(key);
          this.map.set(key, value);
          return value;
        }
      }
      delete(key) {
        return this.map.delete(key);
      }
      set(key, value) {
        const deleted = this.delete(key);
        if (!deleted && value !== void 0) {
          if (this.map.size >= this.max) {
            const firstKey = this.map.keys().next().value;
            this.delete(firstKey);
          }
          this.map.set(key, value);
        }
        return this;
      }
    };
    module.exports = LRUCache;
  }
});

// node_modules/semver/internal/trim-comparator-whitespace.js
var require_trim_comparator_whitespace = __commonJS({
  "node_modules/semver/internal/trim-comparator-whitespace.js"(exports, module) {
    "use strict";
    var {
      MAX_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      WHITESPACE_CHARACTERS
    } = require_constants();
    var whitespace = new Uint8Array(65536);
    for (const char of WHITESPACE_CHARACTERS) {
      whitespace[char.charCodeAt(0)] = 1;
    }
    var isWhitespace = (char) => char !== void 0 && whitespace[char.charCodeAt(0)] === 1;
    var isVersionPrefix = (char) => char === "v" || char === "=" || isWhitespace(char);
    var isDigit = (char) => char !== void 0 && char >= "0" && char <= "9";
    var isLetter = (char) => char !== void 0 && (char >= "a" && char <= "z" || char >= "A" && char <= "Z");
    var isIdentifierCharacter = (char) => isDigit(char) || isLetter(char) || char === "-";
    var isVersionStart = (char) => isDigit(char) || char === "x" || char === "X" || char === "*";
    var findDigitsEndIndex = (range, start, limit, digitRuns) => {
      if (!isDigit(range[start])) {
        return start;
      }
      if (start >= digitRuns.start && start < digitRuns.end) {
        return Math.min(start + limit, digitRuns.end);
      }
      if (start >= digitRuns.previousStart && start < digitRuns.previousEnd) {
        return Math.min(start + limit, digitRuns.previousEnd);
      }
      let end = start + 1;
      while (isDigit(range[end])) {
        end++;
      }
      digitRuns.previousStart = digitRuns.start;
      digitRuns.previousEnd = digitRuns.end;
      digitRuns.start = start;
      digitRuns.end = end;
      return Math.min(start + limit, end);
    };
    var findVersionNumberEndIndex = (range, start, loose, digitRuns) => {
      if (!loose && range[start] === "0") {
        return start + 1;
      }
      return findDigitsEndIndex(range, start, loose ? MAX_LENGTH : MAX_LENGTH + 1, digitRuns);
    };
    var findPrereleaseIdentifierEndIndex = (range, start, loose, digitRuns) => {
      const digitsEnd = findDigitsEndIndex(range, start, MAX_LENGTH, digitRuns);
      if (isLetter(range[digitsEnd]) || range[digitsEnd] === "-") {
        let end = digitsEnd + 1;
        const limit = end + MAX_SAFE_BUILD_LENGTH;
        while (end < limit && isIdentifierCharacter(range[end])) {
          end++;
        }
        return end;
      }
      return findVersionNumberEndIndex(range, start, loose, digitRuns);
    };
    var findPrereleaseEndIndex = (range, start, loose, digitRuns) => {
      const hyphen = range[start] === "-";
      if (!loose && !hyphen) {
        return start;
      }
      const identifierStart = start + (hyphen ? 1 : 0);
      let end = findPrereleaseIdentifierEndIndex(range, identifierStart, loose, digitRuns);
      if (end === identifierStart) {
        if (!loose || !hyphen) {
          return start;
        }
        end = findPrereleaseIdentifierEndIndex(range, start, loose, digitRuns);
      }
      while (range[end] === ".") {
        const next = findPrereleaseIdentifierEndIndex(range, end + 1, loose, digitRuns);
        if (next === end + 1) {
          break;
        }
        end = next;
      }
      return end;
    };
    var findBuildIdentifierEndIndex = (range, start) => {
      let end = start;
      while (end - start < MAX_SAFE_BUILD_LENGTH && isIdentifierCharacter(range[end])) {
        end++;
      }
      return end;
    };
    var findBuildEndIndex = (range, start) => {
      if (range[start] !== "+") {
        return start;
      }
      let end = findBuildIdentifierEndIndex(range, start + 1);
      if (end === start + 1) {
        return start;
      }
      while (range[end] === ".") {
        const next = findBuildIdentifierEndIndex(range, end + 1);
        if (next === end + 1) {
          break;
        }
        end = next;
      }
      return end;
    };
    var findLooseFullVersionEndIndex = (range, start, digitRuns) => {
      let end = start;
      for (let component = 0; component < 3; component++) {
        const next = findVersionNumberEndIndex(range, end, true, digitRuns);
        if (next === end) {
          return start;
        }
        end = next;
        if (component < 2) {
          if (range[end] !== ".") {
            return start;
          }
          end++;
        }
      }
      const prereleaseEnd = findPrereleaseEndIndex(range, end, true, digitRuns);
      return findBuildEndIndex(range, prereleaseEnd);
    };
    var findPartialVersionComponentEndIndex = (range, start, digitRuns) => {
      if (isDigit(range[start])) {
        return findVersionNumberEndIndex(range, start, false, digitRuns);
      }
      return isVersionStart(range[start]) ? start + 1 : start;
    };
    var findPartialVersionEndIndex = (range, start, digitRuns) => {
      let end = findPartialVersionComponentEndIndex(range, start, digitRuns);
      for (let component = 0; component < 2; component++) {
        if (range[end] !== ".") {
          return end;
        }
        const next = findPartialVersionComponentEndIndex(range, end + 1, digitRuns);
        if (next === end + 1) {
          return end;
        }
        end = next;
      }
      const prereleaseEnd = findPrereleaseEndIndex(range, end, false, digitRuns);
      return findBuildEndIndex(range, prereleaseEnd);
    };
    var findVersionEndIndex = (range, start, digitRuns) => {
      const fullVersionEnd = findLooseFullVersionEndIndex(range, start, digitRuns);
      return fullVersionEnd !== start ? fullVersionEnd : findPartialVersionEndIndex(range, start, digitRuns);
    };
    var findRemovableWhitespaceIndex = (range, matchStart) => {
      let position = matchStart;
      if (isWhitespace(range[position])) {
        position++;
      }
      if (range[position] === "<" || range[position] === ">") {
        position++;
      }
      if (range[position] === "=") {
        position++;
      }
      return isWhitespace(range[position]) ? position : -1;
    };
    var trimComparatorWhitespace = (range) => {
      let result = "";
      let copyFrom = 0;
      let cursor = 0;
      const digitRuns = { start: -1, end: -1, previousStart: -1, previousEnd: -1 };
      while (cursor < range.length) {
        const matchStart = cursor;
        if (range[cursor] === "<" || range[cursor] === ">") {
          cursor++;
        } else if (!isVersionPrefix(range[cursor]) && !isVersionStart(range[cursor])) {
          cursor++;
          continue;
        }
        while (cursor < range.length && isVersionPrefix(range[cursor])) {
          cursor++;
        }
        if (!isVersionStart(range[cursor])) {
          continue;
        }
        const whitespacePosition = findRemovableWhitespaceIndex(range, matchStart);
        if (whitespacePosition !== -1) {
          result += range.slice(copyFrom, whitespacePosition);
          copyFrom = whitespacePosition + 1;
        }
        cursor = findVersionEndIndex(range, cursor, digitRuns);
      }
      return result + range.slice(copyFrom);
    };
    module.exports = trimComparatorWhitespace;
  }
});

// node_modules/semver/classes/range.js
var require_range = __commonJS({
  "node_modules/semver/classes/range.js"(exports, module) {
    "use strict";
    var SPACE_CHARACTERS = /\s+/g;
    var Range = class _Range {
      constructor(range, options) {
        options = parseOptions(options);
        if (range instanceof _Range) {
          if (range.loose === !!options.loose && range.includePrerelease === !!options.includePrerelease) {
            return range;
          } else {
            return new _Range(range.raw, options);
          }
        }
        if (range instanceof Comparator) {
          this.raw = range.value;
          this.set = [[range]];
          this.formatted = void 0;
          return this;
        }
        this.options = options;
        this.loose = !!options.loose;
        this.includePrerelease = !!options.includePrerelease;
        this.raw = range.trim().replace(SPACE_CHARACTERS, " ");
        this.set = this.raw.split("||").map((r) => this.parseRange(r.trim())).filter((c) => c.length);
        if (!this.set.length) {
          throw new TypeError(`Invalid SemVer Range: ${this.raw}`);
        }
        if (this.set.length > 1) {
          const first = this.set[0];
          this.set = this.set.filter((c) => !isNullSet(c[0]));
          if (this.set.length === 0) {
            this.set = [first];
          } else if (this.set.length > 1) {
            for (const c of this.set) {
              if (c.length === 1 && isAny(c[0])) {
                this.set = [c];
                break;
              }
            }
          }
        }
        this.formatted = void 0;
      }
      get range() {
        if (this.formatted === void 0) {
          this.formatted = "";
          for (let i = 0; i < this.set.length; i++) {
            if (i > 0) {
              this.formatted += "||";
            }
            const comps = this.set[i];
            for (let k2 = 0; k2 < comps.length; k2++) {
              if (k2 > 0) {
                this.formatted += " ";
              }
              this.formatted += comps[k2].toString().trim();
            }
          }
        }
        return this.formatted;
      }
      format() {
        return this.range;
      }
      toString() {
        return this.range;
      }
      parseRange(range) {
        range = range.replace(BUILDSTRIPRE, "");
        const memoOpts = (this.options.includePrerelease && FLAG_INCLUDE_PRERELEASE) | (this.options.loose && FLAG_LOOSE);
        const memoKey = memoOpts + ":" + range;
        const cached = cache.get(memoKey);
        if (cached) {
          return cached;
        }
        const loose = this.options.loose;
        const hr2 = loose ? re2[t.HYPHENRANGELOOSE] : re2[t.HYPHENRANGE];
        range = range.replace(hr2, hyphenReplace(this.options.includePrerelease));
        debug("hyphen replace", range);
        range = trimComparatorWhitespace(range);
        debug("comparator trim", range);
        range = range.replace(re2[t.TILDETRIM], tildeTrimReplace);
        debug("tilde trim", range);
        range = range.replace(re2[t.CARETTRIM], caretTrimReplace);
        debug("caret trim", range);
        let rangeList = range.split(" ").map((comp) => parseComparator(comp, this.options)).join(" ").split(/\s+/).map((comp) => replaceGTE0(comp, this.options));
        if (loose) {
          rangeList = rangeList.filter((comp) => {
            debug("loose invalid filter", comp, this.options);
            return !!comp.match(re2[t.COMPARATORLOOSE]);
          });
        }
        debug("range list", rangeList);
        const rangeMap = /* @__PURE__ */ new Map();
        const comparators = rangeList.map((comp) => new Comparator(comp, this.options));
        for (const comp of comparators) {
          if (isNullSet(comp)) {
            return [comp];
          }
          rangeMap.set(comp.value, comp);
        }
        if (rangeMap.size > 1 && rangeMap.has("")) {
          rangeMap.delete("");
        }
        const result = [...rangeMap.values()];
        cache.set(memoKey, result);
        return result;
      }
      intersects(range, options) {
        if (!(range instanceof _Range)) {
          throw new TypeError("a Range is required");
        }
        return this.set.some((thisComparators) => {
          return isSatisfiable(thisComparators, options) && range.set.some((rangeComparators) => {
            return isSatisfiable(rangeComparators, options) && thisComparators.every((thisComparator) => {
              return rangeComparators.every((rangeComparator) => {
                return thisComparator.intersects(rangeComparator, options);
              });
            });
          });
        });
      }
      // if ANY of the sets match ALL of its comparators, then pass
      test(version) {
        if (!version) {
          return false;
        }
        if (typeof version === "string") {
          try {
            version = new SemVer(version, this.options);
          } catch (er2) {
            return false;
          }
        }
        for (let i = 0; i < this.set.length; i++) {
          if (testSet(this.set[i], version, this.options)) {
            return true;
          }
        }
        return false;
      }
    };
    module.exports = Range;
    var LRU = require_lrucache();
    var cache = new LRU();
    var parseOptions = require_parse_options();
    var Comparator = require_comparator();
    var debug = require_debug();
    var SemVer = require_semver();
    var trimComparatorWhitespace = require_trim_comparator_whitespace();
    var {
      safeRe: re2,
      src,
      t,
      tildeTrimReplace,
      caretTrimReplace
    } = require_re();
    var { FLAG_INCLUDE_PRERELEASE, FLAG_LOOSE } = require_constants();
    var BUILDSTRIPRE = new RegExp(src[t.BUILD], "g");
    var isNullSet = (c) => c.value === "<0.0.0-0";
    var isAny = (c) => c.value === "";
    var isSatisfiable = (comparators, options) => {
      let result = true;
      const remainingComparators = comparators.slice();
      let testComparator = remainingComparators.pop();
      while (result && remainingComparators.length) {
        result = remainingComparators.every((otherComparator) => {
          return testComparator.intersects(otherComparator, options);
        });
        testComparator = remainingComparators.pop();
      }
      return result;
    };
    var parseComparator = (comp, options) => {
      comp = comp.replace(re2[t.BUILD], "");
      debug("comp", comp, options);
      comp = replaceCarets(comp, options);
      debug("caret", comp);
      comp = replaceTildes(comp, options);
      debug("tildes", comp);
      comp = replaceXRanges(comp, options);
      debug("xrange", comp);
      comp = replaceStars(comp, options);
      debug("stars", comp);
      return comp;
    };
    var isX = (id2) => !id2 || id2.toLowerCase() === "x" || id2 === "*";
    var invalidXRangeOrder = (M2, m2, p2) => isX(M2) && !isX(m2) || isX(m2) && p2 && !isX(p2);
    var replaceTildes = (comp, options) => {
      return comp.trim().split(/\s+/).map((c) => replaceTilde(c, options)).join(" ");
    };
    var replaceTilde = (comp, options) => {
      const r = options.loose ? re2[t.TILDELOOSE] : re2[t.TILDE];
      const z2 = options.includePrerelease ? "-0" : "";
      return comp.replace(r, (_2, M2, m2, p2, pr2) => {
        debug("tilde", comp, _2, M2, m2, p2, pr2);
        let ret;
        if (isX(M2)) {
          ret = "";
        } else if (isX(m2)) {
          ret = `>=${M2}.0.0${z2} <${+M2 + 1}.0.0-0`;
        } else if (isX(p2)) {
          ret = `>=${M2}.${m2}.0${z2} <${M2}.${+m2 + 1}.0-0`;
        } else if (pr2) {
          debug("replaceTilde pr", pr2);
          ret = `>=${M2}.${m2}.${p2}-${pr2} <${M2}.${+m2 + 1}.0-0`;
        } else {
          ret = `>=${M2}.${m2}.${p2} <${M2}.${+m2 + 1}.0-0`;
        }
        debug("tilde return", ret);
        return ret;
      });
    };
    var replaceCarets = (comp, options) => {
      return comp.trim().split(/\s+/).map((c) => replaceCaret(c, options)).join(" ");
    };
    var replaceCaret = (comp, options) => {
      debug("caret", comp, options);
      const r = options.loose ? re2[t.CARETLOOSE] : re2[t.CARET];
      const z2 = options.includePrerelease ? "-0" : "";
      return comp.replace(r, (_2, M2, m2, p2, pr2) => {
        debug("caret", comp, _2, M2, m2, p2, pr2);
        let ret;
        if (isX(M2)) {
          ret = "";
        } else if (isX(m2)) {
          ret = `>=${M2}.0.0${z2} <${+M2 + 1}.0.0-0`;
        } else if (isX(p2)) {
          if (M2 === "0") {
            ret = `>=${M2}.${m2}.0${z2} <${M2}.${+m2 + 1}.0-0`;
          } else {
            ret = `>=${M2}.${m2}.0${z2} <${+M2 + 1}.0.0-0`;
          }
        } else if (pr2) {
          debug("replaceCaret pr", pr2);
          if (M2 === "0") {
            if (m2 === "0") {
              ret = `>=${M2}.${m2}.${p2}-${pr2} <${M2}.${m2}.${+p2 + 1}-0`;
            } else {
              ret = `>=${M2}.${m2}.${p2}-${pr2} <${M2}.${+m2 + 1}.0-0`;
            }
          } else {
            ret = `>=${M2}.${m2}.${p2}-${pr2} <${+M2 + 1}.0.0-0`;
          }
        } else {
          debug("no pr");
          if (M2 === "0") {
            if (m2 === "0") {
              ret = `>=${M2}.${m2}.${p2} <${M2}.${m2}.${+p2 + 1}-0`;
            } else {
              ret = `>=${M2}.${m2}.${p2} <${M2}.${+m2 + 1}.0-0`;
            }
          } else {
            ret = `>=${M2}.${m2}.${p2} <${+M2 + 1}.0.0-0`;
          }
        }
        debug("caret return", ret);
        return ret;
      });
    };
    var replaceXRanges = (comp, options) => {
      debug("replaceXRanges", comp, options);
      return comp.split(/\s+/).map((c) => replaceXRange(c, options)).join(" ");
    };
    var replaceXRange = (comp, options) => {
      comp = comp.trim();
      const r = options.loose ? re2[t.XRANGELOOSE] : re2[t.XRANGE];
      return comp.replace(r, (ret, gtlt, M2, m2, p2, pr2) => {
        debug("xRange", comp, ret, gtlt, M2, m2, p2, pr2);
        if (invalidXRangeOrder(M2, m2, p2)) {
          return comp;
        }
        const xM = isX(M2);
        const xm = xM || isX(m2);
        const xp = xm || isX(p2);
        const anyX = xp;
        if (gtlt === "=" && anyX) {
          gtlt = "";
        }
        pr2 = options.includePrerelease ? "-0" : "";
        if (xM) {
          if (gtlt === ">" || gtlt === "<") {
            ret = "<0.0.0-0";
          } else {
            ret = "*";
          }
        } else if (gtlt && anyX) {
          if (xm) {
            m2 = 0;
          }
          p2 = 0;
          if (gtlt === ">") {
            gtlt = ">=";
            if (xm) {
              M2 = +M2 + 1;
              m2 = 0;
              p2 = 0;
            } else {
              m2 = +m2 + 1;
              p2 = 0;
            }
          } else if (gtlt === "<=") {
            gtlt = "<";
            if (xm) {
              M2 = +M2 + 1;
            } else {
              m2 = +m2 + 1;
            }
          }
          if (gtlt === "<") {
            pr2 = "-0";
          }
          ret = `${gtlt + M2}.${m2}.${p2}${pr2}`;
        } else if (xm) {
          ret = `>=${M2}.0.0${pr2} <${+M2 + 1}.0.0-0`;
        } else if (xp) {
          ret = `>=${M2}.${m2}.0${pr2} <${M2}.${+m2 + 1}.0-0`;
        }
        debug("xRange return", ret);
        return ret;
      });
    };
    var replaceStars = (comp, options) => {
      debug("replaceStars", comp, options);
      return comp.trim().replace(re2[t.STAR], "");
    };
    var replaceGTE0 = (comp, options) => {
      debug("replaceGTE0", comp, options);
      return comp.trim().replace(re2[options.includePrerelease ? t.GTE0PRE : t.GTE0], "");
    };
    var hyphenReplace = (incPr) => ($0, from, fM, fm, fp, fpr, fb, to2, tM, tm, tp, tpr) => {
      if (isX(fM)) {
        from = "";
      } else if (isX(fm)) {
        from = `>=${fM}.0.0${incPr ? "-0" : ""}`;
      } else if (isX(fp)) {
        from = `>=${fM}.${fm}.0${incPr ? "-0" : ""}`;
      } else if (fpr) {
        from = `>=${from}`;
      } else {
        from = `>=${from}${incPr ? "-0" : ""}`;
      }
      if (isX(tM)) {
        to2 = "";
      } else if (isX(tm)) {
        to2 = `<${+tM + 1}.0.0-0`;
      } else if (isX(tp)) {
        to2 = `<${tM}.${+tm + 1}.0-0`;
      } else if (tpr) {
        to2 = `<=${tM}.${tm}.${tp}-${tpr}`;
      } else if (incPr) {
        to2 = `<${tM}.${tm}.${+tp + 1}-0`;
      } else {
        to2 = `<=${to2}`;
      }
      return `${from} ${to2}`.trim();
    };
    var testSet = (set, version, options) => {
      for (let i = 0; i < set.length; i++) {
        if (!set[i].test(version)) {
          return false;
        }
      }
      if (version.prerelease.length && !options.includePrerelease) {
        for (let i = 0; i < set.length; i++) {
          debug(set[i].semver);
          if (set[i].semver === Comparator.ANY) {
            continue;
          }
          if (set[i].semver.prerelease.length > 0) {
            const allowed = set[i].semver;
            if (allowed.major === version.major && allowed.minor === version.minor && allowed.patch === version.patch) {
              return true;
            }
          }
        }
        return false;
      }
      return true;
    };
  }
});

// node_modules/semver/classes/comparator.js
var require_comparator = __commonJS({
  "node_modules/semver/classes/comparator.js"(exports, module) {
    "use strict";
    var ANY = Symbol("SemVer ANY");
    var Comparator = class _Comparator {
      static get ANY() {
        return ANY;
      }
      constructor(comp, options) {
        options = parseOptions(options);
        if (comp instanceof _Comparator) {
          if (comp.loose === !!options.loose) {
            return comp;
          } else {
            comp = comp.value;
          }
        }
        comp = comp.trim().split(/\s+/).join(" ");
        debug("comparator", comp, options);
        this.options = options;
        this.loose = !!options.loose;
        this.parse(comp);
        if (this.semver === ANY) {
          this.value = "";
        } else {
          this.value = this.operator + this.semver.version;
        }
        debug("comp", this);
      }
      parse(comp) {
        const r = this.options.loose ? re2[t.COMPARATORLOOSE] : re2[t.COMPARATOR];
        const m2 = comp.match(r);
        if (!m2) {
          throw new TypeError(`Invalid comparator: ${comp}`);
        }
        this.operator = m2[1] !== void 0 ? m2[1] : "";
        if (this.operator === "=") {
          this.operator = "";
        }
        if (!m2[2]) {
          this.semver = ANY;
        } else {
          this.semver = new SemVer(m2[2], this.options.loose);
        }
      }
      toString() {
        return this.value;
      }
      test(version) {
        debug("Comparator.test", version, this.options.loose);
        if (this.semver === ANY || version === ANY) {
          return true;
        }
        if (typeof version === "string") {
          try {
            version = new SemVer(version, this.options);
          } catch (er2) {
            return false;
          }
        }
        return cmp(version, this.operator, this.semver, this.options);
      }
      intersects(comp, options) {
        if (!(comp instanceof _Comparator)) {
          throw new TypeError("a Comparator is required");
        }
        if (this.operator === "") {
          if (this.value === "") {
            return true;
          }
          return new Range(comp.value, options).test(this.value);
        } else if (comp.operator === "") {
          if (comp.value === "") {
            return true;
          }
          return new Range(this.value, options).test(comp.semver);
        }
        options = parseOptions(options);
        if (options.includePrerelease && (this.value === "<0.0.0-0" || comp.value === "<0.0.0-0")) {
          return false;
        }
        if (!options.includePrerelease && (this.value.startsWith("<0.0.0") || comp.value.startsWith("<0.0.0"))) {
          return false;
        }
        if (this.operator.startsWith(">") && comp.operator.startsWith(">")) {
          return true;
        }
        if (this.operator.startsWith("<") && comp.operator.startsWith("<")) {
          return true;
        }
        if (this.semver.version === comp.semver.version && this.operator.includes("=") && comp.operator.includes("=")) {
          return true;
        }
        if (cmp(this.semver, "<", comp.semver, options) && this.operator.startsWith(">") && comp.operator.startsWith("<")) {
          return true;
        }
        if (cmp(this.semver, ">", comp.semver, options) && this.operator.startsWith("<") && comp.operator.startsWith(">")) {
          return true;
        }
        return false;
      }
    };
    module.exports = Comparator;
    var parseOptions = require_parse_options();
    var { safeRe: re2, t } = require_re();
    var cmp = require_cmp();
    var debug = require_debug();
    var SemVer = require_semver();
    var Range = require_range();
  }
});

// node_modules/semver/functions/satisfies.js
var require_satisfies = __commonJS({
  "node_modules/semver/functions/satisfies.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var satisfies2 = (version, range, options) => {
      try {
        range = new Range(range, options);
      } catch (er2) {
        return false;
      }
      return range.test(version);
    };
    module.exports = satisfies2;
  }
});

// node_modules/semver/ranges/to-comparators.js
var require_to_comparators = __commonJS({
  "node_modules/semver/ranges/to-comparators.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var toComparators = (range, options) => new Range(range, options).set.map((comp) => comp.map((c) => c.value).join(" ").trim().split(" "));
    module.exports = toComparators;
  }
});

// node_modules/semver/ranges/max-satisfying.js
var require_max_satisfying = __commonJS({
  "node_modules/semver/ranges/max-satisfying.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var maxSatisfying = (versions, range, options) => {
      let max = null;
      let maxSV = null;
      let rangeObj = null;
      try {
        rangeObj = new Range(range, options);
      } catch (er2) {
        return null;
      }
      versions.forEach((v2) => {
        if (rangeObj.test(v2)) {
          if (!max || maxSV.compare(v2) === -1) {
            max = v2;
            maxSV = new SemVer(max, options);
          }
        }
      });
      return max;
    };
    module.exports = maxSatisfying;
  }
});

// node_modules/semver/ranges/min-satisfying.js
var require_min_satisfying = __commonJS({
  "node_modules/semver/ranges/min-satisfying.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var minSatisfying = (versions, range, options) => {
      let min = null;
      let minSV = null;
      let rangeObj = null;
      try {
        rangeObj = new Range(range, options);
      } catch (er2) {
        return null;
      }
      versions.forEach((v2) => {
        if (rangeObj.test(v2)) {
          if (!min || minSV.compare(v2) === 1) {
            min = v2;
            minSV = new SemVer(min, options);
          }
        }
      });
      return min;
    };
    module.exports = minSatisfying;
  }
});

// node_modules/semver/ranges/min-version.js
var require_min_version = __commonJS({
  "node_modules/semver/ranges/min-version.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var gt2 = require_gt();
    var minVersion = (range, loose) => {
      range = new Range(range, loose);
      let minver = new SemVer("0.0.0");
      if (range.test(minver)) {
        return minver;
      }
      minver = new SemVer("0.0.0-0");
      if (range.test(minver)) {
        return minver;
      }
      minver = null;
      for (let i = 0; i < range.set.length; ++i) {
        const comparators = range.set[i];
        let setMin = null;
        comparators.forEach((comparator) => {
          const compver = new SemVer(comparator.semver.version);
          switch (comparator.operator) {
            case ">":
              if (compver.prerelease.length === 0) {
                compver.patch++;
              } else {
                compver.prerelease.push(0);
              }
              compver.raw = compver.format();
            /* fallthrough */
            case "":
            case ">=":
              if (!setMin || gt2(compver, setMin)) {
                setMin = compver;
              }
              break;
            case "<":
            case "<=":
              break;
            /* istanbul ignore next */
            default:
              throw new Error(`Unexpected operation: ${comparator.operator}`);
          }
        });
        if (setMin && (!minver || gt2(minver, setMin))) {
          minver = setMin;
        }
      }
      if (minver && range.test(minver)) {
        return minver;
      }
      return null;
    };
    module.exports = minVersion;
  }
});

// node_modules/semver/ranges/valid.js
var require_valid2 = __commonJS({
  "node_modules/semver/ranges/valid.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var validRange = (range, options) => {
      try {
        return new Range(range, options).range || "*";
      } catch (er2) {
        return null;
      }
    };
    module.exports = validRange;
  }
});

// node_modules/semver/ranges/outside.js
var require_outside = __commonJS({
  "node_modules/semver/ranges/outside.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Comparator = require_comparator();
    var { ANY } = Comparator;
    var Range = require_range();
    var satisfies2 = require_satisfies();
    var gt2 = require_gt();
    var lt2 = require_lt();
    var lte = require_lte();
    var gte = require_gte();
    var outside = (version, range, hilo, options) => {
      version = new SemVer(version, options);
      range = new Range(range, options);
      let gtfn, ltefn, ltfn, comp, ecomp;
      switch (hilo) {
        case ">":
          gtfn = gt2;
          ltefn = lte;
          ltfn = lt2;
          comp = ">";
          ecomp = ">=";
          break;
        case "<":
          gtfn = lt2;
          ltefn = gte;
          ltfn = gt2;
          comp = "<";
          ecomp = "<=";
          break;
        default:
          throw new TypeError('Must provide a hilo val of "<" or ">"');
      }
      if (satisfies2(version, range, options)) {
        return false;
      }
      for (let i = 0; i < range.set.length; ++i) {
        const comparators = range.set[i];
        let high = null;
        let low = null;
        comparators.forEach((comparator) => {
          if (comparator.semver === ANY) {
            comparator = new Comparator(">=0.0.0");
          }
          high = high || comparator;
          low = low || comparator;
          if (gtfn(comparator.semver, high.semver, options)) {
            high = comparator;
          } else if (ltfn(comparator.semver, low.semver, options)) {
            low = comparator;
          }
        });
        if (high.operator === comp || high.operator === ecomp) {
          return false;
        }
        if ((!low.operator || low.operator === comp) && ltefn(version, low.semver)) {
          return false;
        } else if (low.operator === ecomp && ltfn(version, low.semver)) {
          return false;
        }
      }
      return true;
    };
    module.exports = outside;
  }
});

// node_modules/semver/ranges/gtr.js
var require_gtr = __commonJS({
  "node_modules/semver/ranges/gtr.js"(exports, module) {
    "use strict";
    var outside = require_outside();
    var gtr = (version, range, options) => outside(version, range, ">", options);
    module.exports = gtr;
  }
});

// node_modules/semver/ranges/ltr.js
var require_ltr = __commonJS({
  "node_modules/semver/ranges/ltr.js"(exports, module) {
    "use strict";
    var outside = require_outside();
    var ltr = (version, range, options) => outside(version, range, "<", options);
    module.exports = ltr;
  }
});

// node_modules/semver/ranges/intersects.js
var require_intersects = __commonJS({
  "node_modules/semver/ranges/intersects.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var intersects = (r1, r2, options) => {
      r1 = new Range(r1, options);
      r2 = new Range(r2, options);
      return r1.intersects(r2, options);
    };
    module.exports = intersects;
  }
});

// node_modules/semver/ranges/simplify.js
var require_simplify = __commonJS({
  "node_modules/semver/ranges/simplify.js"(exports, module) {
    "use strict";
    var satisfies2 = require_satisfies();
    var compare = require_compare();
    module.exports = (versions, range, options) => {
      const set = [];
      let first = null;
      let prev = null;
      const v2 = versions.sort((a, b2) => compare(a, b2, options));
      for (const version of v2) {
        const included = satisfies2(version, range, options);
        if (included) {
          prev = version;
          if (!first) {
            first = version;
          }
        } else {
          if (prev) {
            set.push([first, prev]);
          }
          prev = null;
          first = null;
        }
      }
      if (first) {
        set.push([first, null]);
      }
      const ranges = [];
      for (const [min, max] of set) {
        if (min === max) {
          ranges.push(min);
        } else if (!max && min === v2[0]) {
          ranges.push("*");
        } else if (!max) {
          ranges.push(`>=${min}`);
        } else if (min === v2[0]) {
          ranges.push(`<=${max}`);
        } else {
          ranges.push(`${min} - ${max}`);
        }
      }
      const simplified = ranges.join(" || ");
      const original = typeof range.raw === "string" ? range.raw : String(range);
      return simplified.length < original.length ? simplified : range;
    };
  }
});

// node_modules/semver/ranges/subset.js
var require_subset = __commonJS({
  "node_modules/semver/ranges/subset.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var Comparator = require_comparator();
    var { ANY } = Comparator;
    var satisfies2 = require_satisfies();
    var compare = require_compare();
    var subset = (sub, dom, options = {}) => {
      if (sub === dom) {
        return true;
      }
      sub = new Range(sub, options);
      dom = new Range(dom, options);
      let sawNonNull = false;
      OUTER: for (const simpleSub of sub.set) {
        for (const simpleDom of dom.set) {
          const isSub = simpleSubset(simpleSub, simpleDom, options);
          sawNonNull = sawNonNull || isSub !== null;
          if (isSub) {
            continue OUTER;
          }
        }
        if (sawNonNull) {
          return false;
        }
      }
      return true;
    };
    var minimumVersionWithPreRelease = [new Comparator(">=0.0.0-0")];
    var minimumVersion = [new Comparator(">=0.0.0")];
    var simpleSubset = (sub, dom, options) => {
      if (sub === dom) {
        return true;
      }
      if (sub.length === 1 && sub[0].semver === ANY) {
        if (dom.length === 1 && dom[0].semver === ANY) {
          return true;
        } else if (options.includePrerelease) {
          sub = minimumVersionWithPreRelease;
        } else {
          sub = minimumVersion;
        }
      }
      if (dom.length === 1 && dom[0].semver === ANY) {
        if (options.includePrerelease) {
          return true;
        } else {
          dom = minimumVersion;
        }
      }
      const eqSet = /* @__PURE__ */ new Set();
      let gt2, lt2;
      for (const c of sub) {
        if (c.operator === ">" || c.operator === ">=") {
          gt2 = higherGT(gt2, c, options);
        } else if (c.operator === "<" || c.operator === "<=") {
          lt2 = lowerLT(lt2, c, options);
        } else {
          eqSet.add(c.semver);
        }
      }
      if (eqSet.size > 1) {
        return null;
      }
      let gtltComp;
      if (gt2 && lt2) {
        gtltComp = compare(gt2.semver, lt2.semver, options);
        if (gtltComp > 0) {
          return null;
        } else if (gtltComp === 0 && (gt2.operator !== ">=" || lt2.operator !== "<=")) {
          return null;
        }
      }
      for (const eq of eqSet) {
        if (gt2 && !satisfies2(eq, String(gt2), options)) {
          return null;
        }
        if (lt2 && !satisfies2(eq, String(lt2), options)) {
          return null;
        }
        for (const c of dom) {
          if (!satisfies2(eq, String(c), options)) {
            return false;
          }
        }
        return true;
      }
      let higher, lower;
      let hasDomLT, hasDomGT;
      let needDomLTPre = lt2 && !options.includePrerelease && lt2.semver.prerelease.length ? lt2.semver : false;
      let needDomGTPre = gt2 && !options.includePrerelease && gt2.semver.prerelease.length ? gt2.semver : false;
      if (needDomLTPre && needDomLTPre.prerelease.length === 1 && lt2.operator === "<" && needDomLTPre.prerelease[0] === 0) {
        needDomLTPre = false;
      }
      for (const c of dom) {
        hasDomGT = hasDomGT || c.operator === ">" || c.operator === ">=";
        hasDomLT = hasDomLT || c.operator === "<" || c.operator === "<=";
        if (gt2) {
          if (needDomGTPre) {
            if (c.semver.prerelease && c.semver.prerelease.length && c.semver.major === needDomGTPre.major && c.semver.minor === needDomGTPre.minor && c.semver.patch === needDomGTPre.patch) {
              needDomGTPre = false;
            }
          }
          if (c.operator === ">" || c.operator === ">=") {
            higher = higherGT(gt2, c, options);
            if (higher === c && higher !== gt2) {
              return false;
            }
          } else if (gt2.operator === ">=" && !c.test(gt2.semver)) {
            return false;
          }
        }
        if (lt2) {
          if (needDomLTPre) {
            if (c.semver.prerelease && c.semver.prerelease.length && c.semver.major === needDomLTPre.major && c.semver.minor === needDomLTPre.minor && c.semver.patch === needDomLTPre.patch) {
              needDomLTPre = false;
            }
          }
          if (c.operator === "<" || c.operator === "<=") {
            lower = lowerLT(lt2, c, options);
            if (lower === c && lower !== lt2) {
              return false;
            }
          } else if (lt2.operator === "<=" && !c.test(lt2.semver)) {
            return false;
          }
        }
        if (!c.operator && (lt2 || gt2) && gtltComp !== 0) {
          return false;
        }
      }
      if (gt2 && hasDomLT && !lt2 && gtltComp !== 0) {
        return false;
      }
      if (lt2 && hasDomGT && !gt2 && gtltComp !== 0) {
        return false;
      }
      if (needDomGTPre || needDomLTPre) {
        return false;
      }
      return true;
    };
    var higherGT = (a, b2, options) => {
      if (!a) {
        return b2;
      }
      const comp = compare(a.semver, b2.semver, options);
      return comp > 0 ? a : comp < 0 ? b2 : b2.operator === ">" && a.operator === ">=" ? b2 : a;
    };
    var lowerLT = (a, b2, options) => {
      if (!a) {
        return b2;
      }
      const comp = compare(a.semver, b2.semver, options);
      return comp < 0 ? a : comp > 0 ? b2 : b2.operator === "<" && a.operator === "<=" ? b2 : a;
    };
    module.exports = subset;
  }
});

// node_modules/semver/index.js
var require_semver2 = __commonJS({
  "node_modules/semver/index.js"(exports, module) {
    "use strict";
    var internalRe = require_re();
    var constants4 = require_constants();
    var SemVer = require_semver();
    var identifiers = require_identifiers();
    var parse2 = require_parse();
    var valid = require_valid();
    var clean5 = require_clean();
    var inc = require_inc();
    var diff = require_diff();
    var major = require_major();
    var minor = require_minor();
    var patch = require_patch();
    var prerelease = require_prerelease();
    var compare = require_compare();
    var rcompare = require_rcompare();
    var compareLoose = require_compare_loose();
    var compareBuild = require_compare_build();
    var sort = require_sort();
    var rsort = require_rsort();
    var gt2 = require_gt();
    var lt2 = require_lt();
    var eq = require_eq();
    var neq = require_neq();
    var gte = require_gte();
    var lte = require_lte();
    var cmp = require_cmp();
    var coerce = require_coerce();
    var truncate = require_truncate();
    var Comparator = require_comparator();
    var Range = require_range();
    var satisfies2 = require_satisfies();
    var toComparators = require_to_comparators();
    var maxSatisfying = require_max_satisfying();
    var minSatisfying = require_min_satisfying();
    var minVersion = require_min_version();
    var validRange = require_valid2();
    var outside = require_outside();
    var gtr = require_gtr();
    var ltr = require_ltr();
    var intersects = require_intersects();
    var simplifyRange = require_simplify();
    var subset = require_subset();
    module.exports = {
      parse: parse2,
      valid,
      clean: clean5,
      inc,
      diff,
      major,
      minor,
      patch,
      prerelease,
      compare,
      rcompare,
      compareLoose,
      compareBuild,
      sort,
      rsort,
      gt: gt2,
      lt: lt2,
      eq,
      neq,
      gte,
      lte,
      cmp,
      coerce,
      truncate,
      Comparator,
      Range,
      satisfies: satisfies2,
      toComparators,
      maxSatisfying,
      minSatisfying,
      minVersion,
      validRange,
      outside,
      gtr,
      ltr,
      intersects,
      simplifyRange,
      subset,
      SemVer,
      re: internalRe.re,
      src: internalRe.src,
      tokens: internalRe.t,
      SEMVER_SPEC_VERSION: constants4.SEMVER_SPEC_VERSION,
      RELEASE_TYPES: constants4.RELEASE_TYPES,
      compareIdentifiers: identifiers.compareIdentifiers,
      rcompareIdentifiers: identifiers.rcompareIdentifiers
    };
  }
});

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = Symbol.for("yaml.alias");
    var DOC = Symbol.for("yaml.document");
    var MAP = Symbol.for("yaml.map");
    var PAIR = Symbol.for("yaml.pair");
    var SCALAR = Symbol.for("yaml.scalar");
    var SEQ = Symbol.for("yaml.seq");
    var NODE_TYPE = Symbol.for("yaml.node.type");
    var isAlias = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar2(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap2;
    exports.isNode = isNode;
    exports.isPair = isPair;
    exports.isScalar = isScalar2;
    exports.isSeq = isSeq2;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = Symbol("break visit");
    var SKIP = Symbol("skip children");
    var REMOVE = Symbol("remove node");
    function visit(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key, node, visitor, path14) {
      const ctrl = callVisitor(key, node, visitor, path14);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path14, ctrl);
        return visit_(key, ctrl, visitor, path14);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path14 = Object.freeze(path14.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci2 = visit_(i, node.items[i], visitor, path14);
            if (typeof ci2 === "number")
              i = ci2 - 1;
            else if (ci2 === BREAK)
              return BREAK;
            else if (ci2 === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path14 = Object.freeze(path14.concat(node));
          const ck = visit_("key", node.key, visitor, path14);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path14);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path14) {
      const ctrl = await callVisitor(key, node, visitor, path14);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path14, ctrl);
        return visitAsync_(key, ctrl, visitor, path14);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path14 = Object.freeze(path14.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci2 = await visitAsync_(i, node.items[i], visitor, path14);
            if (typeof ci2 === "number")
              i = ci2 - 1;
            else if (ci2 === BREAK)
              return BREAK;
            else if (ci2 === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path14 = Object.freeze(path14.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path14);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path14);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path14) {
      if (typeof visitor === "function")
        return visitor(key, node, path14);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path14);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path14);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path14);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path14);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path14);
      return void 0;
    }
    function replaceNode(key, path14, node) {
      const parent = path14[path14.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt2 = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt2} parent`);
      }
    }
    exports.visit = visit;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn2) => tn2.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn2) => tn2.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k2 of Array.from(val.keys())) {
            const v0 = val.get(k2);
            const v1 = applyReviver(reviver, val, k2, v0);
            if (v1 === void 0)
              val.delete(k2);
            else if (v1 !== v0)
              val.set(k2, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k2, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k2, v0);
            if (v1 === void 0)
              delete val[k2];
            else if (v1 !== v0)
              val[k2] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v2, i) => toJS(v2, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path14, value) {
      let v2 = value;
      for (let i = path14.length - 1; i >= 0; --i) {
        const k2 = path14[i];
        if (typeof k2 === "number" && Number.isInteger(k2) && k2 >= 0) {
          const a = [];
          a[k2] = v2;
          v2 = a;
        } else {
          v2 = /* @__PURE__ */ new Map([[k2, v2]]);
        }
      }
      return createNode.createNode(v2, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path14) => path14 == null || typeof path14 === "object" && !!path14[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it2) => identity.isNode(it2) || identity.isPair(it2) ? it2.clone(schema) : it2);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path14, value) {
        if (isEmptyPath(path14))
          this.add(value);
        else {
          const [key, ...rest] = path14;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path14) {
        const [key, ...rest] = path14;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path14, keepScalar) {
        const [key, ...rest] = path14;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path14) {
        const [key, ...rest] = path14;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path14, value) {
        const [key, ...rest] = path14;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str2) => str2.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str2, indent, comment) => str2.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str2.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text.length <= endStep)
        return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i += 1];
                overflow = true;
              }
              const j2 = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j2])
                return text;
              folds.push(j2);
              escapedFolds[j2] = true;
              end = j2 + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text;
      if (onFold)
        onFold();
      let res = text.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text.length;
        if (fold === 0)
          res = `
${indent}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text[++i];
        } else {
          do {
            ch = text[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str2) => /^(%|---|\.\.\.)/m.test(str2);
    function lineLengthOverLimit(str2, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str2.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str2[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str2 = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str2 += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str2 += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str2 += "\\0";
                    break;
                  case "0007":
                    str2 += "\\a";
                    break;
                  case "000b":
                    str2 += "\\v";
                    break;
                  case "001b":
                    str2 += "\\e";
                    break;
                  case "0085":
                    str2 += "\\N";
                    break;
                  case "00a0":
                    str2 += "\\_";
                    break;
                  case "2028":
                    str2 += "\\L";
                    break;
                  case "2029":
                    str2 += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str2 += "\\x" + code.substr(2);
                    else
                      str2 += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str2 += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str2 += "\n";
                  i += 2;
                }
                str2 += indent;
                if (json[i + 2] === " ")
                  str2 += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str2 = start ? str2 + json.slice(start) : json;
      return implicitKey ? str2 : foldFlowLines.foldFlowLines(str2, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs2;
      if (singleQuote === false)
        qs2 = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs2 = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs2 = doubleQuotedString;
        else
          qs2 = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs2(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str2 = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str2);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str2 : foldFlowLines.foldFlowLines(str2, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss2 = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss2.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss2.value, ctx) : blockString(ss2, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss2.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss2.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss2, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str2 = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str2;
      return identity.isScalar(node) || str2[0] === "{" || str2[0] === "[" ? `${props} ${str2}` : `${props}
${ctx.indent}${str2}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str2 = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str2.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str2 === "" ? "?" : explicitKey ? `? ${str2}` : str2;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str2 = `? ${str2}`;
        if (keyComment && !keyCommentDone) {
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str2;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
        str2 = `? ${str2}
${indent}:`;
      } else {
        str2 = `${str2}:`;
        if (keyComment)
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str2.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws2 = " ";
      if (keyComment || vsb || vcb) {
        ws2 = vsb ? "\n" : "";
        if (vcb) {
          const cs2 = commentString(vcb);
          ws2 += `
${stringifyComment.indentComment(cs2, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws2 === "\n" && valueComment)
            ws2 = "\n\n";
        } else {
          ws2 += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws2 = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws2 = "";
      }
      str2 += ws2 + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str2;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it2 of source.items)
          mergeValue(ctx, map, it2);
      else if (Array.isArray(source))
        for (const it2 of source)
          mergeValue(ctx, map, it2);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k2 = createNode.createNode(key, void 0, ctx);
      const v2 = createNode.createNode(value, void 0, ctx);
      return new Pair(k2, v2);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_2, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str3 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str3 += stringifyComment.lineComment(str3, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str3);
      }
      let str2;
      if (lines.length === 0) {
        str2 = flowChars.start + flowChars.end;
      } else {
        str2 = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str2 += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str2 += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str2;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str2 = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str2.includes("\n"));
        if (i < items.length - 1) {
          str2 += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str2.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str2 += ",";
          }
        }
        if (comment)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment));
        lines.push(str2);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str2 = start;
          for (const line of lines)
            str2 += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str2}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k2 = identity.isScalar(key) ? key.value : key;
      for (const it2 of items) {
        if (identity.isPair(it2)) {
          if (it2.key === key || it2.key === k2)
            return it2;
          if (identity.isScalar(it2.key) && it2.key.value === k2)
            return it2;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it2 = findPair(this.items, key);
        if (!it2)
          return false;
        const del = this.items.splice(this.items.indexOf(it2), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it2 = findPair(this.items, key);
        const node = it2?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_2, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it2 = this.items[idx];
        return !keepScalar && identity.isScalar(it2) ? it2.value : it2;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_2, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it2 of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it2 : String(i++);
              it2 = replacer.call(obj, key, it2);
            }
            seq.items.push(createNode.createNode(it2, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str2) => str2,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str2) => new Scalar.Scalar(str2[0] === "t" || str2[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str2) => str2.slice(-3).toLowerCase() === "nan" ? NaN : str2[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str2) => parseFloat(str2),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str2) {
        const node = new Scalar.Scalar(parseFloat(str2));
        const dot = str2.indexOf(".");
        if (dot !== -1 && str2[str2.length - 1] === "0")
          node.minFractionDigits = str2.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str2, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str2) : parseInt(str2.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str2) => str2,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str2) => str2 === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str2, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str2) : parseInt(str2, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str2) => parseFloat(str2),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str2, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str2)}`);
        return str2;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str2 = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str2.length);
          for (let i = 0; i < str2.length; ++i)
            buffer[i] = str2.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str2;
        if (typeof node_buffer.Buffer === "function") {
          str2 = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s3 = "";
          for (let i = 0; i < buf.length; ++i)
            s3 += String.fromCharCode(buf[i]);
          str2 = btoa(s3);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str2.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str2.substr(o, lineWidth);
          }
          str2 = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str2 }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn2 = pair.value ?? pair.key;
              cn2.comment = cn2.comment ? `${item.comment}
${cn2.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it2 of iterable) {
          if (typeof replacer === "function")
            it2 = replacer.call(iterable, String(i++), it2);
          let key, value;
          if (Array.isArray(it2)) {
            if (it2.length === 2) {
              key = it2[0];
              value = it2[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it2}`);
          } else if (it2 && it2 instanceof Object) {
            const keys = Object.keys(it2);
            if (keys.length === 1) {
              key = keys[0];
              value = it2[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it2;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_2, ctx) {
        if (!ctx)
          return super.toJSON(_2);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str2) => str2.slice(-3).toLowerCase() === "nan" ? NaN : str2[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str2) => parseFloat(str2.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str2) {
        const node = new Scalar.Scalar(parseFloat(str2.replace(/_/g, "")));
        const dot = str2.indexOf(".");
        if (dot !== -1) {
          const f2 = str2.substring(dot + 1).replace(/_/g, "");
          if (f2[f2.length - 1] === "0")
            node.minFractionDigits = f2.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str2, offset, radix, { intAsBigInt }) {
      const sign2 = str2[0];
      if (sign2 === "-" || sign2 === "+")
        offset += 1;
      str2 = str2.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str2 = `0b${str2}`;
            break;
          case 8:
            str2 = `0o${str2}`;
            break;
          case 16:
            str2 = `0x${str2}`;
            break;
        }
        const n2 = BigInt(str2);
        return sign2 === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str2, radix);
      return sign2 === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str2 = value.toString(radix);
        return value < 0 ? "-" + prefix + str2.substr(1) : prefix + str2;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_2, ctx) {
        return super.toJSON(_2, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str2, asBigInt) {
      const sign2 = str2[0];
      const parts = sign2 === "-" || sign2 === "+" ? str2.substring(1) : str2;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p2) => res2 * num(60) + num(p2), num(0));
      return sign2 === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign2 = "";
      if (value < 0) {
        sign2 = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign2 + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str2, _onError, { intAsBigInt }) => parseSexagesimal(str2, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str2) => parseSexagesimal(str2, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str2) {
        const match = str2.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b2) => a.key < b2.key ? -1 : a.key > b2.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs2 = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs2, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs2 = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs2, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs2 = commentString(doc.comment);
          if (cs2.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs2, ""));
          } else {
            lines.push(`... ${cs2}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path14, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path14, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v2) => typeof v2 === "number" || v2 instanceof String || v2 instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k2 = this.createNode(key, null, options);
        const v2 = this.createNode(value, null, options);
        return new Pair.Pair(k2, v2);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path14) {
        if (Collection.isEmptyPath(path14)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path14) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path14, keepScalar) {
        if (Collection.isEmptyPath(path14))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path14, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path14) {
        if (Collection.isEmptyPath(path14))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path14) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path14, value) {
        if (Collection.isEmptyPath(path14)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path14), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path14, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s3 = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s3}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci2 = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci2 >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci2 - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci2 -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci2))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci2));
        }
        const pointer = " ".repeat(ci2) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st2 of key.end)
              if (st2.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it2 of key.items) {
            for (const st2 of it2.start)
              if (st2.type === "newline")
                return true;
            if (it2.sep) {
              for (const st2 of it2.sep)
                if (st2.type === "newline")
                  return true;
            }
            if (containsNewline(it2.key) || containsNewline(it2.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b2) => a === b2 || identity.isScalar(a) && identity.isScalar(b2) && a.value === b2.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs2, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs2.offset;
      let commentEnd = null;
      for (const { start, value } of bs2.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs2.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs2.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs2.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep + cb;
              sep = "";
              break;
            }
            case "newline":
              if (comment)
                sep += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap2 = fc.start.source === "{";
      const fcName = isMap2 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap2 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap2 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st2 of start) {
              switch (st2.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st2.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap2 && !sep && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap2 && !props.found && ctx.options.strict) {
              if (sep)
                for (const st2 of sep) {
                  if (st2 === valueProps.found)
                    break;
                  if (st2.type === "newline") {
                    onError(st2, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap2) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap2 ? "}" : "]";
      const [ce2, ...ee2] = fc.end;
      let cePos = offset;
      if (ce2?.source === expectedEnd)
        cePos = ce2.offset + ce2.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce2 && ce2.source.length !== 1)
          ee2.unshift(ce2);
      }
      if (ee2.length > 0) {
        const end = resolveEnd.resolveEnd(ee2, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt2 = ctx.schema.knownTags[tagName];
        if (kt2?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt2, { default: false }));
          tag = kt2;
        } else {
          if (kt2) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt2.tag} used for ${expType} collection, but expects ${kt2.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep === " ")
            sep = "\n";
          else if (!prevMoreIndented && sep === "\n")
            sep = "\n\n";
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep === "\n")
            value += "\n";
          else
            sep = "\n";
        } else {
          value += sep + content;
          sep = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts2 = token.source;
            if (ts2 && typeof ts2 === "string")
              length += ts2.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m2 = first.match(/^( *)/);
      const line0 = m2?.[1] ? [m2[1], first.slice(m2[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re2 = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re2.comment,
        range: [offset, valueEnd, re2.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep === "\n")
            res += sep;
          else
            sep = "\n";
        } else {
          res += sep + lm;
          sep = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt2 = schema.knownTags[tagName];
      if (kt2 && !kt2.collection) {
        schema.tags.push(Object.assign({}, kt2, { default: false, test: void 0 }));
        return kt2;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts2 = directives.tagString(tag.tag);
          const cs2 = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts2} or ${cs2}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st2 = before[i];
          switch (st2.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st2.source.length;
              continue;
          }
          st2 = before[++i];
          while (st2?.type === "space") {
            offset += st2.source.length;
            st2 = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re2 = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re2.offset];
      if (re2.comment)
        alias.comment = re2.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re2 = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re2.comment)
        doc.comment = re2.comment;
      doc.range = [offset, contentEnd, re2.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it2 = dc.items[0];
            if (identity.isPair(it2))
              it2 = it2.key;
            const cb = it2.commentBefore;
            it2.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he2 = source.indexOf("\n");
          const head = source.substring(0, he2);
          const body = source.substring(he2 + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he2 = source.indexOf("\n");
      const head = source.substring(0, he2);
      const body = source.substring(he2 + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st2 of end)
          switch (st2.type) {
            case "space":
            case "comment":
              props.push(st2);
              break;
            case "newline":
              props.push(st2);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st2) => st2.type === "space" || st2.type === "comment" || st2.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st2 of token.end)
            res += st2.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st2 of token.end)
              res += st2.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st2 of token.end)
              res += st2.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep, value }) {
      let res = "";
      for (const st2 of start)
        res += st2.source;
      if (key)
        res += stringifyToken(key);
      if (sep)
        for (const st2 of sep)
          res += st2.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = Symbol("break visit");
    var SKIP = Symbol("skip children");
    var REMOVE = Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path14) => {
      let item = cst;
      for (const [field, index] of path14) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path14) => {
      const parent = visit.itemAtPath(cst, path14.slice(0, -1));
      const field = path14[path14.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path14, item, visitor) {
      let ctrl = visitor(item, path14);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci2 = _visit(Object.freeze(path14.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci2 === "number")
              i = ci2 - 1;
            else if (ci2 === BREAK)
              return BREAK;
            else if (ci2 === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path14);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path14) : ctrl;
    }
    exports.visit = visit;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar2 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar2;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt2 = this.buffer.substr(offset, 3);
          if ((dt2 === "---" || dt2 === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state2) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state2;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs2 = line.indexOf("#");
          while (cs2 !== -1) {
            const ch = line[cs2 - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs2 - 1;
              break;
            } else {
              cs2 = line.indexOf("#", cs2 + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s3 = this.peek(3);
          if ((s3 === "---" || s3 === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s3 === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs2 = this.continueScalar(nl + 1);
            if (cs2 === -1)
              break;
            nl = qb.indexOf("\n", cs2);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs2 = this.continueScalar(nl + 1);
            if (cs2 === -1)
              break;
            nl = this.buffer.indexOf("\n", cs2);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs2 = this.continueScalar(i + 1);
              if (cs2 === -1)
                break;
              i = Math.max(i, cs2 - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s3 = this.buffer.slice(this.pos, i);
        if (s3) {
          yield s3;
          this.pos += s3.length;
          return s3.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it2 = parent.items[parent.items.length - 1];
          return it2.sep ?? it2.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it2 of fc.items) {
          if (it2.sep && !it2.value && !includesToken(it2.start, "explicit-key-ind") && !includesToken(it2.sep, "map-value-ind")) {
            if (it2.key)
              it2.value = it2.key;
            delete it2.key;
            if (isFlowToken(it2.value)) {
              if (it2.value.end)
                arrayPushArray(it2.value.end, it2.sep);
              else
                it2.value.end = it2.sep;
            } else
              arrayPushArray(it2.start, it2.sep);
            delete it2.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st2 = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st2;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it2 = top.items[top.items.length - 1];
              if (it2.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it2.sep) {
                it2.value = token;
              } else {
                Object.assign(it2, { key: token, sep: [] });
                this.onKeyLine = !it2.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it2 = top.items[top.items.length - 1];
              if (it2.value)
                top.items.push({ start: [], value: token });
              else
                it2.value = token;
              break;
            }
            case "flow-collection": {
              const it2 = top.items[top.items.length - 1];
              if (!it2 || it2.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it2.sep)
                it2.value = token;
              else
                Object.assign(it2, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st2) => st2.type !== "comment" || st2.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep;
          if (scalar.end) {
            sep = scalar.end;
            sep.push(this.sourceToken);
            delete scalar.end;
          } else
            sep = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it2 = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it2.value) {
              const end = "end" in it2.value ? it2.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it2.sep) {
              it2.sep.push(this.sourceToken);
            } else {
              it2.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it2.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it2.sep) {
              it2.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it2.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it2.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it2.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it2.sep || it2.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it2.sep && !it2.value) {
            const nl = [];
            for (let i = 0; i < it2.sep.length; ++i) {
              const st2 = it2.sep[i];
              switch (st2.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st2.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it2.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it2.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it2.sep) {
                it2.sep.push(this.sourceToken);
              } else {
                it2.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it2.sep && !it2.explicitKey) {
                it2.start.push(this.sourceToken);
                it2.explicitKey = true;
              } else if (atNextItem || it2.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it2.explicitKey) {
                if (!it2.sep) {
                  if (includesToken(it2.start, "newline")) {
                    Object.assign(it2, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it2.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it2.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it2.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it2.key) && !includesToken(it2.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it2.start);
                  const key = it2.key;
                  const sep = it2.sep;
                  sep.push(this.sourceToken);
                  delete it2.key;
                  delete it2.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep }]
                  });
                } else if (start.length > 0) {
                  it2.sep = it2.sep.concat(start, this.sourceToken);
                } else {
                  it2.sep.push(this.sourceToken);
                }
              } else {
                if (!it2.sep) {
                  Object.assign(it2, { key: null, sep: [this.sourceToken] });
                } else if (it2.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it2.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it2.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs2 = this.flowScalar(this.type);
              if (atNextItem || it2.value) {
                map.items.push({ start, key: fs2, sep: [] });
                this.onKeyLine = true;
              } else if (it2.sep) {
                this.stack.push(fs2);
              } else {
                Object.assign(it2, { key: fs2, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it2.explicitKey && it2.sep && !includesToken(it2.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it2 = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it2.value) {
              const end = "end" in it2.value ? it2.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it2.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it2.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it2.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it2.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it2.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it2.value || this.indent <= seq.indent)
              break;
            it2.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it2.value || includesToken(it2.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it2.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it2 = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it2 || it2.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it2.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it2 || it2.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it2.sep)
                it2.sep.push(this.sourceToken);
              else
                Object.assign(it2, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it2 || it2.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it2.sep)
                it2.sep.push(this.sourceToken);
              else
                it2.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs2 = this.flowScalar(this.type);
              if (!it2 || it2.value)
                fc.items.push({ start: [], key: fs2, sep: [] });
              else if (it2.sep)
                this.stack.push(fs2);
              else
                Object.assign(it2, { key: fs2, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep = fc.end.splice(1, fc.end.length);
            sep.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st2) => st2.type === "newline" || st2.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse2(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument2(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse2;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument2;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit.visit;
    exports.visitAsync = visit.visitAsync;
  }
});

// node_modules/spdx-license-ids/index.json
var require_spdx_license_ids = __commonJS({
  "node_modules/spdx-license-ids/index.json"(exports, module) {
    module.exports = [
      "0BSD",
      "3D-Slicer-1.0",
      "AAL",
      "ADSL",
      "AFL-1.1",
      "AFL-1.2",
      "AFL-2.0",
      "AFL-2.1",
      "AFL-3.0",
      "AGPL-1.0-only",
      "AGPL-1.0-or-later",
      "AGPL-3.0-only",
      "AGPL-3.0-or-later",
      "ALGLIB-Documentation",
      "AMD-newlib",
      "AMDPLPA",
      "AML",
      "AML-glslang",
      "AMPAS",
      "ANTLR-PD",
      "ANTLR-PD-fallback",
      "APAFML",
      "APL-1.0",
      "APSL-1.0",
      "APSL-1.1",
      "APSL-1.2",
      "APSL-2.0",
      "ASWF-Digital-Assets-1.0",
      "ASWF-Digital-Assets-1.1",
      "Abstyles",
      "AdaCore-doc",
      "Adobe-2006",
      "Adobe-Display-PostScript",
      "Adobe-Glyph",
      "Adobe-Utopia",
      "Advanced-Cryptics-Dictionary",
      "Afmparse",
      "Aladdin",
      "Apache-1.0",
      "Apache-1.1",
      "Apache-2.0",
      "App-s2p",
      "Arphic-1999",
      "Artistic-1.0",
      "Artistic-1.0-Perl",
      "Artistic-1.0-cl8",
      "Artistic-2.0",
      "Artistic-dist",
      "Aspell-RU",
      "BOLA-1.1",
      "BSD-1-Clause",
      "BSD-2-Clause",
      "BSD-2-Clause-Darwin",
      "BSD-2-Clause-Patent",
      "BSD-2-Clause-Views",
      "BSD-2-Clause-first-lines",
      "BSD-2-Clause-pkgconf-disclaimer",
      "BSD-2-Clause-pos-unchanged",
      "BSD-3-Clause",
      "BSD-3-Clause-Attribution",
      "BSD-3-Clause-Clear",
      "BSD-3-Clause-HP",
      "BSD-3-Clause-LBNL",
      "BSD-3-Clause-Modification",
      "BSD-3-Clause-No-Military-License",
      "BSD-3-Clause-No-Nuclear-License",
      "BSD-3-Clause-No-Nuclear-License-2014",
      "BSD-3-Clause-No-Nuclear-Warranty",
      "BSD-3-Clause-Open-MPI",
      "BSD-3-Clause-OpenWebUI",
      "BSD-3-Clause-Sun",
      "BSD-3-Clause-Tso",
      "BSD-3-Clause-acpica",
      "BSD-3-Clause-flex",
      "BSD-4-Clause",
      "BSD-4-Clause-Shortened",
      "BSD-4-Clause-UC",
      "BSD-4.3RENO",
      "BSD-4.3TAHOE",
      "BSD-Advertising-Acknowledgement",
      "BSD-Attribution-HPND-disclaimer",
      "BSD-Inferno-Nettverk",
      "BSD-Mark-Modifications",
      "BSD-Protection",
      "BSD-Source-Code",
      "BSD-Source-Code-no-disclaimer",
      "BSD-Source-alt-GPL",
      "BSD-Source-beginning-file",
      "BSD-Systemics",
      "BSD-Systemics-W3Works",
      "BSD-ask-to-endorse",
      "BSL-1.0",
      "BUSL-1.1",
      "Baekmuk",
      "Bahyph",
      "Barr",
      "Beerware",
      "BitTorrent-1.0",
      "BitTorrent-1.1",
      "Bitstream-Charter",
      "Bitstream-Vera",
      "BlueOak-1.0.0",
      "Boehm-GC",
      "Boehm-GC-without-fee",
      "Borceux",
      "Brian-Gladman-2-Clause",
      "Brian-Gladman-3-Clause",
      "Brian-Gladman-3-Clause-no-conversion",
      "Buddy",
      "Bugroff",
      "C-UDA-1.0",
      "CAL-1.0",
      "CAL-1.0-Combined-Work-Exception",
      "CAPEC-tou",
      "CATOSL-1.1",
      "CC-BY-1.0",
      "CC-BY-2.0",
      "CC-BY-2.5",
      "CC-BY-2.5-AU",
      "CC-BY-3.0",
      "CC-BY-3.0-AT",
      "CC-BY-3.0-AU",
      "CC-BY-3.0-DE",
      "CC-BY-3.0-IGO",
      "CC-BY-3.0-NL",
      "CC-BY-3.0-US",
      "CC-BY-4.0",
      "CC-BY-NC-1.0",
      "CC-BY-NC-2.0",
      "CC-BY-NC-2.5",
      "CC-BY-NC-3.0",
      "CC-BY-NC-3.0-DE",
      "CC-BY-NC-3.0-IGO",
      "CC-BY-NC-4.0",
      "CC-BY-NC-ND-1.0",
      "CC-BY-NC-ND-2.0",
      "CC-BY-NC-ND-2.5",
      "CC-BY-NC-ND-3.0",
      "CC-BY-NC-ND-3.0-DE",
      "CC-BY-NC-ND-3.0-IGO",
      "CC-BY-NC-ND-4.0",
      "CC-BY-NC-SA-1.0",
      "CC-BY-NC-SA-2.0",
      "CC-BY-NC-SA-2.0-DE",
      "CC-BY-NC-SA-2.0-FR",
      "CC-BY-NC-SA-2.0-UK",
      "CC-BY-NC-SA-2.5",
      "CC-BY-NC-SA-3.0",
      "CC-BY-NC-SA-3.0-DE",
      "CC-BY-NC-SA-3.0-IGO",
      "CC-BY-NC-SA-4.0",
      "CC-BY-ND-1.0",
      "CC-BY-ND-2.0",
      "CC-BY-ND-2.5",
      "CC-BY-ND-3.0",
      "CC-BY-ND-3.0-DE",
      "CC-BY-ND-4.0",
      "CC-BY-SA-1.0",
      "CC-BY-SA-2.0",
      "CC-BY-SA-2.0-UK",
      "CC-BY-SA-2.1-JP",
      "CC-BY-SA-2.5",
      "CC-BY-SA-3.0",
      "CC-BY-SA-3.0-AT",
      "CC-BY-SA-3.0-DE",
      "CC-BY-SA-3.0-IGO",
      "CC-BY-SA-4.0",
      "CC-PDDC",
      "CC-PDM-1.0",
      "CC-SA-1.0",
      "CC0-1.0",
      "CDDL-1.0",
      "CDDL-1.1",
      "CDL-1.0",
      "CDLA-Permissive-1.0",
      "CDLA-Permissive-2.0",
      "CDLA-Sharing-1.0",
      "CECILL-1.0",
      "CECILL-1.1",
      "CECILL-2.0",
      "CECILL-2.1",
      "CECILL-B",
      "CECILL-C",
      "CERN-OHL-1.1",
      "CERN-OHL-1.2",
      "CERN-OHL-P-2.0",
      "CERN-OHL-S-2.0",
      "CERN-OHL-W-2.0",
      "CFITSIO",
      "CMU-Mach",
      "CMU-Mach-nodoc",
      "CNRI-Jython",
      "CNRI-Python",
      "CNRI-Python-GPL-Compatible",
      "COIL-1.0",
      "CPAL-1.0",
      "CPL-1.0",
      "CPOL-1.02",
      "CUA-OPL-1.0",
      "Caldera",
      "Caldera-no-preamble",
      "Catharon",
      "ClArtistic",
      "Clips",
      "Community-Spec-1.0",
      "Condor-1.1",
      "Cornell-Lossless-JPEG",
      "Cronyx",
      "Crossword",
      "CryptoSwift",
      "CrystalStacker",
      "Cube",
      "D-FSL-1.0",
      "DEC-3-Clause",
      "DL-DE-BY-2.0",
      "DL-DE-ZERO-2.0",
      "DOC",
      "DRL-1.0",
      "DRL-1.1",
      "DSDP",
      "DocBook-DTD",
      "DocBook-Schema",
      "DocBook-Stylesheet",
      "DocBook-XML",
      "Dotseqn",
      "ECL-1.0",
      "ECL-2.0",
      "EFL-1.0",
      "EFL-2.0",
      "EPICS",
      "EPL-1.0",
      "EPL-2.0",
      "ESA-PL-permissive-2.4",
      "ESA-PL-strong-copyleft-2.4",
      "ESA-PL-weak-copyleft-2.4",
      "EUDatagrid",
      "EUPL-1.0",
      "EUPL-1.1",
      "EUPL-1.2",
      "Elastic-2.0",
      "Entessa",
      "ErlPL-1.1",
      "Eurosym",
      "FBM",
      "FDK-AAC",
      "FDK-MPEG-H",
      "FSFAP",
      "FSFAP-no-warranty-disclaimer",
      "FSFUL",
      "FSFULLR",
      "FSFULLRSD",
      "FSFULLRWD",
      "FSL-1.1-ALv2",
      "FSL-1.1-MIT",
      "FTL",
      "Fair",
      "Ferguson-Twofish",
      "Frameworx-1.0",
      "FreeBSD-DOC",
      "FreeImage",
      "Furuseth",
      "GCR-docs",
      "GD",
      "GFDL-1.1-invariants-only",
      "GFDL-1.1-invariants-or-later",
      "GFDL-1.1-no-invariants-only",
      "GFDL-1.1-no-invariants-or-later",
      "GFDL-1.1-only",
      "GFDL-1.1-or-later",
      "GFDL-1.2-invariants-only",
      "GFDL-1.2-invariants-or-later",
      "GFDL-1.2-no-invariants-only",
      "GFDL-1.2-no-invariants-or-later",
      "GFDL-1.2-only",
      "GFDL-1.2-or-later",
      "GFDL-1.3-invariants-only",
      "GFDL-1.3-invariants-or-later",
      "GFDL-1.3-no-invariants-only",
      "GFDL-1.3-no-invariants-or-later",
      "GFDL-1.3-only",
      "GFDL-1.3-or-later",
      "GL2PS",
      "GLWTPL",
      "GPL-1.0-only",
      "GPL-1.0-or-later",
      "GPL-2.0-only",
      "GPL-2.0-or-later",
      "GPL-3.0-only",
      "GPL-3.0-or-later",
      "Game-Programming-Gems",
      "Giftware",
      "Glide",
      "Glulxe",
      "Graphics-Gems",
      "Gutmann",
      "HDF5",
      "HIDAPI",
      "HP-1986",
      "HP-1989",
      "HPND",
      "HPND-DEC",
      "HPND-Fenneberg-Livingston",
      "HPND-INRIA-IMAG",
      "HPND-Intel",
      "HPND-Kevlin-Henney",
      "HPND-MIT-disclaimer",
      "HPND-Markus-Kuhn",
      "HPND-Netrek",
      "HPND-Pbmplus",
      "HPND-SMC",
      "HPND-UC",
      "HPND-UC-export-US",
      "HPND-doc",
      "HPND-doc-sell",
      "HPND-export-US",
      "HPND-export-US-acknowledgement",
      "HPND-export-US-modify",
      "HPND-export2-US",
      "HPND-merchantability-variant",
      "HPND-sell-MIT-disclaimer-xserver",
      "HPND-sell-regexpr",
      "HPND-sell-variant",
      "HPND-sell-variant-MIT-disclaimer",
      "HPND-sell-variant-MIT-disclaimer-rev",
      "HPND-sell-variant-critical-systems",
      "HTMLTIDY",
      "HaskellReport",
      "Hippocratic-2.1",
      "Hippocratic-3.0-core",
      "IBM-pibs",
      "ICU",
      "IEC-Code-Components-EULA",
      "IJG",
      "IJG-short",
      "IPA",
      "IPL-1.0",
      "ISC",
      "ISC-Veillard",
      "ISO-permission",
      "ImageMagick",
      "Imlib2",
      "Info-ZIP",
      "Informatica",
      "Inner-Net-2.0",
      "InnoSetup",
      "Intel",
      "Intel-ACPI",
      "Interbase-1.0",
      "JPL-image",
      "JPNIC",
      "JSON",
      "Jam",
      "JasPer-2.0",
      "Kastrup",
      "Kazlib",
      "Knuth-CTAN",
      "LAL-1.2",
      "LAL-1.3",
      "LGPL-2.0-only",
      "LGPL-2.0-or-later",
      "LGPL-2.1-only",
      "LGPL-2.1-or-later",
      "LGPL-3.0-only",
      "LGPL-3.0-or-later",
      "LGPLLR",
      "LOOP",
      "LPD-document",
      "LPL-1.0",
      "LPL-1.02",
      "LPPL-1.0",
      "LPPL-1.1",
      "LPPL-1.2",
      "LPPL-1.3a",
      "LPPL-1.3c",
      "LZMA-SDK-9.11-to-9.20",
      "LZMA-SDK-9.22",
      "Latex2e",
      "Latex2e-translated-notice",
      "Leptonica",
      "LiLiQ-P-1.1",
      "LiLiQ-R-1.1",
      "LiLiQ-Rplus-1.1",
      "Libpng",
      "Linux-OpenIB",
      "Linux-man-pages-1-para",
      "Linux-man-pages-copyleft",
      "Linux-man-pages-copyleft-2-para",
      "Linux-man-pages-copyleft-var",
      "Lucida-Bitmap-Fonts",
      "MIPS",
      "MIT",
      "MIT-0",
      "MIT-CMU",
      "MIT-Click",
      "MIT-Festival",
      "MIT-Khronos-old",
      "MIT-Modern-Variant",
      "MIT-STK",
      "MIT-Wu",
      "MIT-advertising",
      "MIT-enna",
      "MIT-feh",
      "MIT-open-group",
      "MIT-testregex",
      "MITNFA",
      "MMIXware",
      "MMPL-1.0.1",
      "MPEG-SSG",
      "MPL-1.0",
      "MPL-1.1",
      "MPL-2.0",
      "MPL-2.0-no-copyleft-exception",
      "MS-LPL",
      "MS-PL",
      "MS-RL",
      "MTLL",
      "MVT-1.1",
      "Mackerras-3-Clause",
      "Mackerras-3-Clause-acknowledgment",
      "MakeIndex",
      "Martin-Birgmeier",
      "McPhee-slideshow",
      "Minpack",
      "MirOS",
      "Motosoto",
      "MulanPSL-1.0",
      "MulanPSL-2.0",
      "Multics",
      "Mup",
      "NAIST-2003",
      "NASA-1.3",
      "NBPL-1.0",
      "NCBI-PD",
      "NCGL-UK-2.0",
      "NCL",
      "NCSA",
      "NGPL",
      "NICTA-1.0",
      "NIST-PD",
      "NIST-PD-TNT",
      "NIST-PD-fallback",
      "NIST-Software",
      "NLOD-1.0",
      "NLOD-2.0",
      "NLPL",
      "NOSL",
      "NPL-1.0",
      "NPL-1.1",
      "NPOSL-3.0",
      "NRL",
      "NTIA-PD",
      "NTP",
      "NTP-0",
      "Naumen",
      "NetCDF",
      "Newsletr",
      "Nokia",
      "Noweb",
      "O-UDA-1.0",
      "OAR",
      "OCCT-PL",
      "OCLC-2.0",
      "ODC-By-1.0",
      "ODbL-1.0",
      "OFFIS",
      "OFL-1.0",
      "OFL-1.0-RFN",
      "OFL-1.0-no-RFN",
      "OFL-1.1",
      "OFL-1.1-RFN",
      "OFL-1.1-no-RFN",
      "OGC-1.0",
      "OGDL-Taiwan-1.0",
      "OGL-Canada-2.0",
      "OGL-UK-1.0",
      "OGL-UK-2.0",
      "OGL-UK-3.0",
      "OGTSL",
      "OLDAP-1.1",
      "OLDAP-1.2",
      "OLDAP-1.3",
      "OLDAP-1.4",
      "OLDAP-2.0",
      "OLDAP-2.0.1",
      "OLDAP-2.1",
      "OLDAP-2.2",
      "OLDAP-2.2.1",
      "OLDAP-2.2.2",
      "OLDAP-2.3",
      "OLDAP-2.4",
      "OLDAP-2.5",
      "OLDAP-2.6",
      "OLDAP-2.7",
      "OLDAP-2.8",
      "OLFL-1.3",
      "OML",
      "OPL-1.0",
      "OPL-UK-3.0",
      "OPUBL-1.0",
      "OSC-1.0",
      "OSET-PL-2.1",
      "OSL-1.0",
      "OSL-1.1",
      "OSL-2.0",
      "OSL-2.1",
      "OSL-3.0",
      "OSSP",
      "OpenMDW-1.0",
      "OpenPBS-2.3",
      "OpenSSL",
      "OpenSSL-standalone",
      "OpenVision",
      "PADL",
      "PDDL-1.0",
      "PHP-3.0",
      "PHP-3.01",
      "PPL",
      "PSF-2.0",
      "ParaType-Free-Font-1.3",
      "Parity-6.0.0",
      "Parity-7.0.0",
      "Pixar",
      "Plexus",
      "PolyForm-Noncommercial-1.0.0",
      "PolyForm-Small-Business-1.0.0",
      "PostgreSQL",
      "Python-2.0",
      "Python-2.0.1",
      "QPL-1.0",
      "QPL-1.0-INRIA-2004",
      "Qhull",
      "RHeCos-1.1",
      "RPL-1.1",
      "RPL-1.5",
      "RPSL-1.0",
      "RSA-MD",
      "RSCPL",
      "Rdisc",
      "Ruby",
      "Ruby-pty",
      "SAX-PD",
      "SAX-PD-2.0",
      "SCEA",
      "SGI-B-1.0",
      "SGI-B-1.1",
      "SGI-B-2.0",
      "SGI-OpenGL",
      "SGMLUG-PM",
      "SGP4",
      "SHL-0.5",
      "SHL-0.51",
      "SISSL",
      "SISSL-1.2",
      "SL",
      "SMAIL-GPL",
      "SMLNJ",
      "SMPPL",
      "SNIA",
      "SOFA",
      "SPL-1.0",
      "SSH-OpenSSH",
      "SSH-short",
      "SSLeay-standalone",
      "SSPL-1.0",
      "SUL-1.0",
      "SWL",
      "Saxpath",
      "SchemeReport",
      "Sendmail",
      "Sendmail-8.23",
      "Sendmail-Open-Source-1.1",
      "SimPL-2.0",
      "Sleepycat",
      "Soundex",
      "Spencer-86",
      "Spencer-94",
      "Spencer-99",
      "SugarCRM-1.1.3",
      "Sun-PPP",
      "Sun-PPP-2000",
      "SunPro",
      "Symlinks",
      "TAPR-OHL-1.0",
      "TCL",
      "TCP-wrappers",
      "TGPPL-1.0",
      "TMate",
      "TORQUE-1.1",
      "TOSL",
      "TPDL",
      "TPL-1.0",
      "TTWL",
      "TTYP0",
      "TU-Berlin-1.0",
      "TU-Berlin-2.0",
      "TekHVC",
      "TermReadKey",
      "ThirdEye",
      "TrustedQSL",
      "UCAR",
      "UCL-1.0",
      "UMich-Merit",
      "UPL-1.0",
      "URT-RLE",
      "Ubuntu-font-1.0",
      "UnRAR",
      "Unicode-3.0",
      "Unicode-DFS-2015",
      "Unicode-DFS-2016",
      "Unicode-TOU",
      "UnixCrypt",
      "Unlicense",
      "Unlicense-libtelnet",
      "Unlicense-libwhirlpool",
      "VOSTROM",
      "VSL-1.0",
      "Vim",
      "Vixie-Cron",
      "W3C",
      "W3C-19980720",
      "W3C-20150513",
      "WTFNMFPL",
      "WTFPL",
      "Watcom-1.0",
      "Widget-Workshop",
      "WordNet",
      "Wsuipa",
      "X11",
      "X11-distribute-modifications-variant",
      "X11-no-permit-persons",
      "X11-swapped",
      "XFree86-1.1",
      "XSkat",
      "Xdebug-1.03",
      "Xerox",
      "Xfig",
      "Xnet",
      "YPL-1.0",
      "YPL-1.1",
      "ZPL-1.1",
      "ZPL-2.0",
      "ZPL-2.1",
      "Zed",
      "Zeeff",
      "Zend-2.0",
      "Zimbra-1.3",
      "Zimbra-1.4",
      "Zlib",
      "any-OSI",
      "any-OSI-perl-modules",
      "atc-game",
      "bcrypt-Solar-Designer",
      "blessing",
      "bzip2-1.0.6",
      "check-cvs",
      "checkmk",
      "copyleft-next-0.3.0",
      "copyleft-next-0.3.1",
      "curl",
      "cve-tou",
      "diffmark",
      "dtoa",
      "dvipdfm",
      "eGenix",
      "etalab-2.0",
      "fwlw",
      "gSOAP-1.3b",
      "generic-xts",
      "gnuplot",
      "gtkbook",
      "hdparm",
      "hyphen-bulgarian",
      "iMatix",
      "jove",
      "libpng-1.6.35",
      "libpng-2.0",
      "libselinux-1.0",
      "libtiff",
      "libutil-David-Nugent",
      "lsof",
      "magaz",
      "mailprio",
      "man2html",
      "metamail",
      "mpi-permissive",
      "mpich2",
      "mplus",
      "ngrep",
      "pkgconf",
      "pnmstitch",
      "psfrag",
      "psutils",
      "python-ldap",
      "radvd",
      "snprintf",
      "softSurfer",
      "ssh-keyscan",
      "swrule",
      "threeparttable",
      "ulem",
      "w3m",
      "wwl",
      "xinetd",
      "xkeyboard-config-Zinoviev",
      "xlock",
      "xpp",
      "xzoom",
      "zlib-acknowledgement"
    ];
  }
});

// node_modules/spdx-license-ids/deprecated.json
var require_deprecated = __commonJS({
  "node_modules/spdx-license-ids/deprecated.json"(exports, module) {
    module.exports = [
      "AGPL-1.0",
      "AGPL-3.0",
      "BSD-2-Clause-FreeBSD",
      "BSD-2-Clause-NetBSD",
      "GFDL-1.1",
      "GFDL-1.2",
      "GFDL-1.3",
      "GPL-1.0",
      "GPL-2.0",
      "GPL-2.0-with-GCC-exception",
      "GPL-2.0-with-autoconf-exception",
      "GPL-2.0-with-bison-exception",
      "GPL-2.0-with-classpath-exception",
      "GPL-2.0-with-font-exception",
      "GPL-3.0",
      "GPL-3.0-with-GCC-exception",
      "GPL-3.0-with-autoconf-exception",
      "LGPL-2.0",
      "LGPL-2.1",
      "LGPL-3.0",
      "Net-SNMP",
      "Nunit",
      "StandardML-NJ",
      "bzip2-1.0.5",
      "eCos-2.0",
      "wxWindows"
    ];
  }
});

// node_modules/spdx-exceptions/index.json
var require_spdx_exceptions = __commonJS({
  "node_modules/spdx-exceptions/index.json"(exports, module) {
    module.exports = [
      "389-exception",
      "Asterisk-exception",
      "Autoconf-exception-2.0",
      "Autoconf-exception-3.0",
      "Autoconf-exception-generic",
      "Autoconf-exception-generic-3.0",
      "Autoconf-exception-macro",
      "Bison-exception-1.24",
      "Bison-exception-2.2",
      "Bootloader-exception",
      "Classpath-exception-2.0",
      "CLISP-exception-2.0",
      "cryptsetup-OpenSSL-exception",
      "DigiRule-FOSS-exception",
      "eCos-exception-2.0",
      "Fawkes-Runtime-exception",
      "FLTK-exception",
      "fmt-exception",
      "Font-exception-2.0",
      "freertos-exception-2.0",
      "GCC-exception-2.0",
      "GCC-exception-2.0-note",
      "GCC-exception-3.1",
      "Gmsh-exception",
      "GNAT-exception",
      "GNOME-examples-exception",
      "GNU-compiler-exception",
      "gnu-javamail-exception",
      "GPL-3.0-interface-exception",
      "GPL-3.0-linking-exception",
      "GPL-3.0-linking-source-exception",
      "GPL-CC-1.0",
      "GStreamer-exception-2005",
      "GStreamer-exception-2008",
      "i2p-gpl-java-exception",
      "KiCad-libraries-exception",
      "LGPL-3.0-linking-exception",
      "libpri-OpenH323-exception",
      "Libtool-exception",
      "Linux-syscall-note",
      "LLGPL",
      "LLVM-exception",
      "LZMA-exception",
      "mif-exception",
      "OCaml-LGPL-linking-exception",
      "OCCT-exception-1.0",
      "OpenJDK-assembly-exception-1.0",
      "openvpn-openssl-exception",
      "PS-or-PDF-font-exception-20170817",
      "QPL-1.0-INRIA-2004-exception",
      "Qt-GPL-exception-1.0",
      "Qt-LGPL-exception-1.1",
      "Qwt-exception-1.0",
      "SANE-exception",
      "SHL-2.0",
      "SHL-2.1",
      "stunnel-exception",
      "SWI-exception",
      "Swift-exception",
      "Texinfo-exception",
      "u-boot-exception-2.0",
      "UBDL-exception",
      "Universal-FOSS-exception-1.0",
      "vsftpd-openssl-exception",
      "WxWindows-exception-3.1",
      "x11vnc-openssl-exception"
    ];
  }
});

// node_modules/spdx-expression-parse/scan.js
var require_scan = __commonJS({
  "node_modules/spdx-expression-parse/scan.js"(exports, module) {
    "use strict";
    var licenses = [].concat(require_spdx_license_ids()).concat(require_deprecated());
    var exceptions = require_spdx_exceptions();
    module.exports = function(source) {
      var index = 0;
      function hasMore() {
        return index < source.length;
      }
      function read(value) {
        if (value instanceof RegExp) {
          var chars = source.slice(index);
          var match = chars.match(value);
          if (match) {
            index += match[0].length;
            return match[0];
          }
        } else {
          if (source.indexOf(value, index) === index) {
            index += value.length;
            return value;
          }
        }
      }
      function skipWhitespace() {
        read(/[ ]*/);
      }
      function operator() {
        var string;
        var possibilities = [/^WITH/i, /^AND/i, /^OR/i, "(", ")", ":", "+"];
        for (var i = 0; i < possibilities.length; i++) {
          string = read(possibilities[i]);
          if (string) {
            break;
          }
        }
        if (string === "+" && index > 1 && source[index - 2] === " ") {
          throw new Error("Space before `+`");
        }
        return string && {
          type: "OPERATOR",
          string: string.toUpperCase()
        };
      }
      function idstring() {
        return read(/[A-Za-z0-9-.]+/);
      }
      function expectIdstring() {
        var string = idstring();
        if (!string) {
          throw new Error("Expected idstring at offset " + index);
        }
        return string;
      }
      function documentRef() {
        if (read("DocumentRef-")) {
          var string = expectIdstring();
          return { type: "DOCUMENTREF", string };
        }
      }
      function licenseRef() {
        if (read("LicenseRef-")) {
          var string = expectIdstring();
          return { type: "LICENSEREF", string };
        }
      }
      function identifier() {
        var begin = index;
        var string = idstring();
        if (licenses.indexOf(string) !== -1) {
          return {
            type: "LICENSE",
            string
          };
        } else if (exceptions.indexOf(string) !== -1) {
          return {
            type: "EXCEPTION",
            string
          };
        }
        index = begin;
      }
      function parseToken() {
        return operator() || documentRef() || licenseRef() || identifier();
      }
      var tokens = [];
      while (hasMore()) {
        skipWhitespace();
        if (!hasMore()) {
          break;
        }
        var token = parseToken();
        if (!token) {
          throw new Error("Unexpected `" + source[index] + "` at offset " + index);
        }
        tokens.push(token);
      }
      return tokens;
    };
  }
});

// node_modules/spdx-expression-parse/parse.js
var require_parse2 = __commonJS({
  "node_modules/spdx-expression-parse/parse.js"(exports, module) {
    "use strict";
    module.exports = function(tokens) {
      var index = 0;
      function hasMore() {
        return index < tokens.length;
      }
      function token() {
        return hasMore() ? tokens[index] : null;
      }
      function next() {
        if (!hasMore()) {
          throw new Error();
        }
        index++;
      }
      function parseOperator(operator) {
        var t = token();
        if (t && t.type === "OPERATOR" && operator === t.string) {
          next();
          return t.string;
        }
      }
      function parseWith() {
        if (parseOperator("WITH")) {
          var t = token();
          if (t && t.type === "EXCEPTION") {
            next();
            return t.string;
          }
          throw new Error("Expected exception after `WITH`");
        }
      }
      function parseLicenseRef() {
        var begin = index;
        var string = "";
        var t = token();
        if (t.type === "DOCUMENTREF") {
          next();
          string += "DocumentRef-" + t.string + ":";
          if (!parseOperator(":")) {
            throw new Error("Expected `:` after `DocumentRef-...`");
          }
        }
        t = token();
        if (t.type === "LICENSEREF") {
          next();
          string += "LicenseRef-" + t.string;
          return { license: string };
        }
        index = begin;
      }
      function parseLicense() {
        var t = token();
        if (t && t.type === "LICENSE") {
          next();
          var node2 = { license: t.string };
          if (parseOperator("+")) {
            node2.plus = true;
          }
          var exception = parseWith();
          if (exception) {
            node2.exception = exception;
          }
          return node2;
        }
      }
      function parseParenthesizedExpression() {
        var left = parseOperator("(");
        if (!left) {
          return;
        }
        var expr = parseExpression();
        if (!parseOperator(")")) {
          throw new Error("Expected `)`");
        }
        return expr;
      }
      function parseAtom() {
        return parseParenthesizedExpression() || parseLicenseRef() || parseLicense();
      }
      function makeBinaryOpParser(operator, nextParser) {
        return function parseBinaryOp() {
          var left = nextParser();
          if (!left) {
            return;
          }
          if (!parseOperator(operator)) {
            return left;
          }
          var right = parseBinaryOp();
          if (!right) {
            throw new Error("Expected expression");
          }
          return {
            left,
            conjunction: operator.toLowerCase(),
            right
          };
        };
      }
      var parseAnd = makeBinaryOpParser("AND", parseAtom);
      var parseExpression = makeBinaryOpParser("OR", parseAnd);
      var node = parseExpression();
      if (!node || hasMore()) {
        throw new Error("Syntax error");
      }
      return node;
    };
  }
});

// node_modules/spdx-expression-parse/index.js
var require_spdx_expression_parse = __commonJS({
  "node_modules/spdx-expression-parse/index.js"(exports, module) {
    "use strict";
    var scan = require_scan();
    var parse2 = require_parse2();
    module.exports = function(source) {
      return parse2(scan(source));
    };
  }
});

// node_modules/array-find-index/index.js
var require_array_find_index = __commonJS({
  "node_modules/array-find-index/index.js"(exports, module) {
    "use strict";
    module.exports = function(arr, predicate, ctx) {
      if (typeof Array.prototype.findIndex === "function") {
        return arr.findIndex(predicate, ctx);
      }
      if (typeof predicate !== "function") {
        throw new TypeError("predicate must be a function");
      }
      var list = Object(arr);
      var len = list.length;
      if (len === 0) {
        return -1;
      }
      for (var i = 0; i < len; i++) {
        if (predicate.call(ctx, list[i], i, list)) {
          return i;
        }
      }
      return -1;
    };
  }
});

// node_modules/spdx-compare/node_modules/spdx-expression-parse/scan.js
var require_scan2 = __commonJS({
  "node_modules/spdx-compare/node_modules/spdx-expression-parse/scan.js"(exports, module) {
    "use strict";
    var licenses = [].concat(require_spdx_license_ids()).concat(require_deprecated());
    var exceptions = require_spdx_exceptions();
    module.exports = function(source) {
      var index = 0;
      function hasMore() {
        return index < source.length;
      }
      function read(value) {
        if (value instanceof RegExp) {
          var chars = source.slice(index);
          var match = chars.match(value);
          if (match) {
            index += match[0].length;
            return match[0];
          }
        } else {
          if (source.indexOf(value, index) === index) {
            index += value.length;
            return value;
          }
        }
      }
      function skipWhitespace() {
        read(/[ ]*/);
      }
      function operator() {
        var string;
        var possibilities = ["WITH", "AND", "OR", "(", ")", ":", "+"];
        for (var i = 0; i < possibilities.length; i++) {
          string = read(possibilities[i]);
          if (string) {
            break;
          }
        }
        if (string === "+" && index > 1 && source[index - 2] === " ") {
          throw new Error("Space before `+`");
        }
        return string && {
          type: "OPERATOR",
          string
        };
      }
      function idstring() {
        return read(/[A-Za-z0-9-.]+/);
      }
      function expectIdstring() {
        var string = idstring();
        if (!string) {
          throw new Error("Expected idstring at offset " + index);
        }
        return string;
      }
      function documentRef() {
        if (read("DocumentRef-")) {
          var string = expectIdstring();
          return { type: "DOCUMENTREF", string };
        }
      }
      function licenseRef() {
        if (read("LicenseRef-")) {
          var string = expectIdstring();
          return { type: "LICENSEREF", string };
        }
      }
      function identifier() {
        var begin = index;
        var string = idstring();
        if (licenses.indexOf(string) !== -1) {
          return {
            type: "LICENSE",
            string
          };
        } else if (exceptions.indexOf(string) !== -1) {
          return {
            type: "EXCEPTION",
            string
          };
        }
        index = begin;
      }
      function parseToken() {
        return operator() || documentRef() || licenseRef() || identifier();
      }
      var tokens = [];
      while (hasMore()) {
        skipWhitespace();
        if (!hasMore()) {
          break;
        }
        var token = parseToken();
        if (!token) {
          throw new Error("Unexpected `" + source[index] + "` at offset " + index);
        }
        tokens.push(token);
      }
      return tokens;
    };
  }
});

// node_modules/spdx-compare/node_modules/spdx-expression-parse/parse.js
var require_parse3 = __commonJS({
  "node_modules/spdx-compare/node_modules/spdx-expression-parse/parse.js"(exports, module) {
    "use strict";
    module.exports = function(tokens) {
      var index = 0;
      function hasMore() {
        return index < tokens.length;
      }
      function token() {
        return hasMore() ? tokens[index] : null;
      }
      function next() {
        if (!hasMore()) {
          throw new Error();
        }
        index++;
      }
      function parseOperator(operator) {
        var t = token();
        if (t && t.type === "OPERATOR" && operator === t.string) {
          next();
          return t.string;
        }
      }
      function parseWith() {
        if (parseOperator("WITH")) {
          var t = token();
          if (t && t.type === "EXCEPTION") {
            next();
            return t.string;
          }
          throw new Error("Expected exception after `WITH`");
        }
      }
      function parseLicenseRef() {
        var begin = index;
        var string = "";
        var t = token();
        if (t.type === "DOCUMENTREF") {
          next();
          string += "DocumentRef-" + t.string + ":";
          if (!parseOperator(":")) {
            throw new Error("Expected `:` after `DocumentRef-...`");
          }
        }
        t = token();
        if (t.type === "LICENSEREF") {
          next();
          string += "LicenseRef-" + t.string;
          return { license: string };
        }
        index = begin;
      }
      function parseLicense() {
        var t = token();
        if (t && t.type === "LICENSE") {
          next();
          var node2 = { license: t.string };
          if (parseOperator("+")) {
            node2.plus = true;
          }
          var exception = parseWith();
          if (exception) {
            node2.exception = exception;
          }
          return node2;
        }
      }
      function parseParenthesizedExpression() {
        var left = parseOperator("(");
        if (!left) {
          return;
        }
        var expr = parseExpression();
        if (!parseOperator(")")) {
          throw new Error("Expected `)`");
        }
        return expr;
      }
      function parseAtom() {
        return parseParenthesizedExpression() || parseLicenseRef() || parseLicense();
      }
      function makeBinaryOpParser(operator, nextParser) {
        return function parseBinaryOp() {
          var left = nextParser();
          if (!left) {
            return;
          }
          if (!parseOperator(operator)) {
            return left;
          }
          var right = parseBinaryOp();
          if (!right) {
            throw new Error("Expected expression");
          }
          return {
            left,
            conjunction: operator.toLowerCase(),
            right
          };
        };
      }
      var parseAnd = makeBinaryOpParser("AND", parseAtom);
      var parseExpression = makeBinaryOpParser("OR", parseAnd);
      var node = parseExpression();
      if (!node || hasMore()) {
        throw new Error("Syntax error");
      }
      return node;
    };
  }
});

// node_modules/spdx-compare/node_modules/spdx-expression-parse/index.js
var require_spdx_expression_parse2 = __commonJS({
  "node_modules/spdx-compare/node_modules/spdx-expression-parse/index.js"(exports, module) {
    "use strict";
    var scan = require_scan2();
    var parse2 = require_parse3();
    module.exports = function(source) {
      return parse2(scan(source));
    };
  }
});

// node_modules/spdx-ranges/index.json
var require_spdx_ranges = __commonJS({
  "node_modules/spdx-ranges/index.json"(exports, module) {
    module.exports = [
      [
        "AFL-1.1",
        "AFL-1.2",
        "AFL-2.0",
        "AFL-2.1",
        "AFL-3.0"
      ],
      [
        "AGPL-1.0",
        [
          "AGPL-3.0",
          "AGPL-3.0-only"
        ]
      ],
      [
        "Apache-1.0",
        "Apache-1.1",
        "Apache-2.0"
      ],
      [
        "APSL-1.0",
        "APSL-1.1",
        "APSL-1.2",
        "APSL-2.0"
      ],
      [
        "Artistic-1.0",
        "Artistic-2.0"
      ],
      [
        "BitTorrent-1.0",
        "BitTorrent-1.1"
      ],
      [
        "CC-BY-1.0",
        "CC-BY-2.0",
        "CC-BY-2.5",
        "CC-BY-3.0",
        "CC-BY-4.0"
      ],
      [
        "CC-BY-NC-1.0",
        "CC-BY-NC-2.0",
        "CC-BY-NC-2.5",
        "CC-BY-NC-3.0",
        "CC-BY-NC-4.0"
      ],
      [
        "CC-BY-NC-ND-1.0",
        "CC-BY-NC-ND-2.0",
        "CC-BY-NC-ND-2.5",
        "CC-BY-NC-ND-3.0",
        "CC-BY-NC-ND-4.0"
      ],
      [
        "CC-BY-NC-SA-1.0",
        "CC-BY-NC-SA-2.0",
        "CC-BY-NC-SA-2.5",
        "CC-BY-NC-SA-3.0",
        "CC-BY-NC-SA-4.0"
      ],
      [
        "CC-BY-ND-1.0",
        "CC-BY-ND-2.0",
        "CC-BY-ND-2.5",
        "CC-BY-ND-3.0",
        "CC-BY-ND-4.0"
      ],
      [
        "CC-BY-SA-1.0",
        "CC-BY-SA-2.0",
        "CC-BY-SA-2.5",
        "CC-BY-SA-3.0",
        "CC-BY-SA-4.0"
      ],
      [
        "CDDL-1.0",
        "CDDL-1.1"
      ],
      [
        "CECILL-1.0",
        "CECILL-1.1",
        "CECILL-2.0"
      ],
      [
        "ECL-1.0",
        "ECL-2.0"
      ],
      [
        "EFL-1.0",
        "EFL-2.0"
      ],
      [
        "EPL-1.0",
        "EPL-2.0"
      ],
      [
        "EUPL-1.0",
        "EUPL-1.1"
      ],
      [
        [
          "GFDL-1.1",
          "GFDL-1.1-only"
        ],
        [
          "GFDL-1.2",
          "GFDL-1.2-only"
        ],
        [
          "GFDL-1.1-or-later",
          "GFDL-1.2-or-later",
          "GFDL-1.3",
          "GFDL-1.3-only",
          "GFDL-1.3-or-later"
        ]
      ],
      [
        [
          "GPL-1.0",
          "GPL-1.0-only"
        ],
        [
          "GPL-2.0",
          "GPL-2.0-only"
        ],
        [
          "GPL-1.0-or-later",
          "GPL-2.0-or-later",
          "GPL-3.0",
          "GPL-3.0-only",
          "GPL-3.0-or-later"
        ]
      ],
      [
        [
          "LGPL-2.0",
          "LGPL-2.0-only"
        ],
        [
          "LGPL-2.1",
          "LGPL-2.1-only"
        ],
        [
          "LGPL-2.0-or-later",
          "LGPL-2.1-or-later",
          "LGPL-3.0",
          "LGPL-3.0-only",
          "LGPL-3.0-or-later"
        ]
      ],
      [
        "LPL-1.0",
        "LPL-1.02"
      ],
      [
        "LPPL-1.0",
        "LPPL-1.1",
        "LPPL-1.2",
        "LPPL-1.3a",
        "LPPL-1.3c"
      ],
      [
        "MPL-1.0",
        "MPL-1.1",
        "MPL-2.0"
      ],
      [
        "MPL-1.0",
        "MPL-1.1",
        "MPL-2.0-no-copyleft-exception"
      ],
      [
        "NPL-1.0",
        "NPL-1.1"
      ],
      [
        "OFL-1.0",
        "OFL-1.1"
      ],
      [
        "OLDAP-1.1",
        "OLDAP-1.2",
        "OLDAP-1.3",
        "OLDAP-1.4",
        "OLDAP-2.0",
        "OLDAP-2.0.1",
        "OLDAP-2.1",
        "OLDAP-2.2",
        "OLDAP-2.2.1",
        "OLDAP-2.2.2",
        "OLDAP-2.3",
        "OLDAP-2.4",
        "OLDAP-2.5",
        "OLDAP-2.6",
        "OLDAP-2.7",
        "OLDAP-2.8"
      ],
      [
        "OSL-1.0",
        "OSL-1.1",
        "OSL-2.0",
        "OSL-2.1",
        "OSL-3.0"
      ],
      [
        "PHP-3.0",
        "PHP-3.01"
      ],
      [
        "RPL-1.1",
        "RPL-1.5"
      ],
      [
        "SGI-B-1.0",
        "SGI-B-1.1",
        "SGI-B-2.0"
      ],
      [
        "YPL-1.0",
        "YPL-1.1"
      ],
      [
        "ZPL-1.1",
        "ZPL-2.0",
        "ZPL-2.1"
      ],
      [
        "Zimbra-1.3",
        "Zimbra-1.4"
      ],
      [
        "bzip2-1.0.5",
        "bzip2-1.0.6"
      ]
    ];
  }
});

// node_modules/spdx-compare/index.js
var require_spdx_compare = __commonJS({
  "node_modules/spdx-compare/index.js"(exports) {
    var arrayFindIndex = require_array_find_index();
    var parse2 = require_spdx_expression_parse2();
    var ranges = require_spdx_ranges();
    var notALicenseIdentifier = " is not a simple license identifier";
    var rangeComparison = function(comparison) {
      return function(first, second) {
        var firstAST = parse2(first);
        if (!firstAST.hasOwnProperty("license")) {
          throw new Error('"' + first + '"' + notALicenseIdentifier);
        }
        var secondAST = parse2(second);
        if (!secondAST.hasOwnProperty("license")) {
          throw new Error('"' + second + '"' + notALicenseIdentifier);
        }
        return ranges.some(function(range) {
          var firstLicense = firstAST.license;
          var indexOfFirst = arrayFindIndex(range, function(element) {
            return element === firstLicense || Array.isArray(element) && element.indexOf(firstLicense) !== -1;
          });
          if (indexOfFirst < 0) {
            return false;
          }
          var secondLicense = secondAST.license;
          var indexOfSecond = arrayFindIndex(range, function(element) {
            return element === secondLicense || Array.isArray(element) && element.indexOf(secondLicense) !== -1;
          });
          if (indexOfSecond < 0) {
            return false;
          }
          return comparison(indexOfFirst, indexOfSecond);
        });
      };
    };
    exports.gt = rangeComparison(function(first, second) {
      return first > second;
    });
    exports.lt = rangeComparison(function(first, second) {
      return first < second;
    });
    exports.eq = rangeComparison(function(first, second) {
      return first === second;
    });
  }
});

// node_modules/spdx-satisfies/node_modules/spdx-expression-parse/scan.js
var require_scan3 = __commonJS({
  "node_modules/spdx-satisfies/node_modules/spdx-expression-parse/scan.js"(exports, module) {
    "use strict";
    var licenses = [].concat(require_spdx_license_ids()).concat(require_deprecated());
    var exceptions = require_spdx_exceptions();
    module.exports = function(source) {
      var index = 0;
      function hasMore() {
        return index < source.length;
      }
      function read(value) {
        if (value instanceof RegExp) {
          var chars = source.slice(index);
          var match = chars.match(value);
          if (match) {
            index += match[0].length;
            return match[0];
          }
        } else {
          if (source.indexOf(value, index) === index) {
            index += value.length;
            return value;
          }
        }
      }
      function skipWhitespace() {
        read(/[ ]*/);
      }
      function operator() {
        var string;
        var possibilities = ["WITH", "AND", "OR", "(", ")", ":", "+"];
        for (var i = 0; i < possibilities.length; i++) {
          string = read(possibilities[i]);
          if (string) {
            break;
          }
        }
        if (string === "+" && index > 1 && source[index - 2] === " ") {
          throw new Error("Space before `+`");
        }
        return string && {
          type: "OPERATOR",
          string
        };
      }
      function idstring() {
        return read(/[A-Za-z0-9-.]+/);
      }
      function expectIdstring() {
        var string = idstring();
        if (!string) {
          throw new Error("Expected idstring at offset " + index);
        }
        return string;
      }
      function documentRef() {
        if (read("DocumentRef-")) {
          var string = expectIdstring();
          return { type: "DOCUMENTREF", string };
        }
      }
      function licenseRef() {
        if (read("LicenseRef-")) {
          var string = expectIdstring();
          return { type: "LICENSEREF", string };
        }
      }
      function identifier() {
        var begin = index;
        var string = idstring();
        if (licenses.indexOf(string) !== -1) {
          return {
            type: "LICENSE",
            string
          };
        } else if (exceptions.indexOf(string) !== -1) {
          return {
            type: "EXCEPTION",
            string
          };
        }
        index = begin;
      }
      function parseToken() {
        return operator() || documentRef() || licenseRef() || identifier();
      }
      var tokens = [];
      while (hasMore()) {
        skipWhitespace();
        if (!hasMore()) {
          break;
        }
        var token = parseToken();
        if (!token) {
          throw new Error("Unexpected `" + source[index] + "` at offset " + index);
        }
        tokens.push(token);
      }
      return tokens;
    };
  }
});

// node_modules/spdx-satisfies/node_modules/spdx-expression-parse/parse.js
var require_parse4 = __commonJS({
  "node_modules/spdx-satisfies/node_modules/spdx-expression-parse/parse.js"(exports, module) {
    "use strict";
    module.exports = function(tokens) {
      var index = 0;
      function hasMore() {
        return index < tokens.length;
      }
      function token() {
        return hasMore() ? tokens[index] : null;
      }
      function next() {
        if (!hasMore()) {
          throw new Error();
        }
        index++;
      }
      function parseOperator(operator) {
        var t = token();
        if (t && t.type === "OPERATOR" && operator === t.string) {
          next();
          return t.string;
        }
      }
      function parseWith() {
        if (parseOperator("WITH")) {
          var t = token();
          if (t && t.type === "EXCEPTION") {
            next();
            return t.string;
          }
          throw new Error("Expected exception after `WITH`");
        }
      }
      function parseLicenseRef() {
        var begin = index;
        var string = "";
        var t = token();
        if (t.type === "DOCUMENTREF") {
          next();
          string += "DocumentRef-" + t.string + ":";
          if (!parseOperator(":")) {
            throw new Error("Expected `:` after `DocumentRef-...`");
          }
        }
        t = token();
        if (t.type === "LICENSEREF") {
          next();
          string += "LicenseRef-" + t.string;
          return { license: string };
        }
        index = begin;
      }
      function parseLicense() {
        var t = token();
        if (t && t.type === "LICENSE") {
          next();
          var node2 = { license: t.string };
          if (parseOperator("+")) {
            node2.plus = true;
          }
          var exception = parseWith();
          if (exception) {
            node2.exception = exception;
          }
          return node2;
        }
      }
      function parseParenthesizedExpression() {
        var left = parseOperator("(");
        if (!left) {
          return;
        }
        var expr = parseExpression();
        if (!parseOperator(")")) {
          throw new Error("Expected `)`");
        }
        return expr;
      }
      function parseAtom() {
        return parseParenthesizedExpression() || parseLicenseRef() || parseLicense();
      }
      function makeBinaryOpParser(operator, nextParser) {
        return function parseBinaryOp() {
          var left = nextParser();
          if (!left) {
            return;
          }
          if (!parseOperator(operator)) {
            return left;
          }
          var right = parseBinaryOp();
          if (!right) {
            throw new Error("Expected expression");
          }
          return {
            left,
            conjunction: operator.toLowerCase(),
            right
          };
        };
      }
      var parseAnd = makeBinaryOpParser("AND", parseAtom);
      var parseExpression = makeBinaryOpParser("OR", parseAnd);
      var node = parseExpression();
      if (!node || hasMore()) {
        throw new Error("Syntax error");
      }
      return node;
    };
  }
});

// node_modules/spdx-satisfies/node_modules/spdx-expression-parse/index.js
var require_spdx_expression_parse3 = __commonJS({
  "node_modules/spdx-satisfies/node_modules/spdx-expression-parse/index.js"(exports, module) {
    "use strict";
    var scan = require_scan3();
    var parse2 = require_parse4();
    module.exports = function(source) {
      return parse2(scan(source));
    };
  }
});

// node_modules/spdx-satisfies/index.js
var require_spdx_satisfies = __commonJS({
  "node_modules/spdx-satisfies/index.js"(exports, module) {
    var compare = require_spdx_compare();
    var parse2 = require_spdx_expression_parse3();
    var ranges = require_spdx_ranges();
    function rangesAreCompatible(first, second) {
      return first.license === second.license || ranges.some(function(range) {
        return licenseInRange(first.license, range) && licenseInRange(second.license, range);
      });
    }
    function licenseInRange(license, range) {
      return range.indexOf(license) !== -1 || range.some(function(element) {
        return Array.isArray(element) && element.indexOf(license) !== -1;
      });
    }
    function identifierInRange(identifier, range) {
      return identifier.license === range.license || compare.gt(identifier.license, range.license) || compare.eq(identifier.license, range.license);
    }
    function licensesAreCompatible(first, second) {
      if (first.exception !== second.exception) {
        return false;
      } else if (second.hasOwnProperty("license")) {
        if (second.hasOwnProperty("plus")) {
          if (first.hasOwnProperty("plus")) {
            return rangesAreCompatible(first, second);
          } else {
            return identifierInRange(first, second);
          }
        } else {
          if (first.hasOwnProperty("plus")) {
            return identifierInRange(second, first);
          } else {
            return first.license === second.license;
          }
        }
      }
    }
    function replaceGPLOnlyOrLaterWithRanges(argument) {
      var license = argument.license;
      if (license) {
        if (endsWith(license, "-or-later")) {
          argument.license = license.replace("-or-later", "");
          argument.plus = true;
        } else if (endsWith(license, "-only")) {
          argument.license = license.replace("-only", "");
          delete argument.plus;
        }
      } else if (argument.left && argument.right) {
        argument.left = replaceGPLOnlyOrLaterWithRanges(argument.left);
        argument.right = replaceGPLOnlyOrLaterWithRanges(argument.right);
      }
      return argument;
    }
    function endsWith(string, substring) {
      return string.indexOf(substring) === string.length - substring.length;
    }
    function licenseString(e) {
      if (e.hasOwnProperty("noassertion")) return "NOASSERTION";
      if (e.license) {
        return e.license + (e.plus ? "+" : "") + (e.exception ? "WITH " + e.exception : "");
      }
    }
    function expand(expression) {
      return sort(expandInner(expression));
    }
    function expandInner(expression) {
      if (!expression.conjunction) return [{ [licenseString(expression)]: expression }];
      if (expression.conjunction === "or") return expandInner(expression.left).concat(expandInner(expression.right));
      if (expression.conjunction === "and") {
        var left = expandInner(expression.left);
        var right = expandInner(expression.right);
        return left.reduce(function(result, l) {
          right.forEach(function(r) {
            result.push(Object.assign({}, l, r));
          });
          return result;
        }, []);
      }
    }
    function sort(licenseList) {
      var sortedLicenseLists = licenseList.filter(function(e) {
        return Object.keys(e).length;
      }).map(function(e) {
        return Object.keys(e).sort();
      });
      return sortedLicenseLists.map(function(list, i) {
        return list.map(function(license) {
          return licenseList[i][license];
        });
      });
    }
    function isANDCompatible(parsedExpression, parsedLicenses) {
      return parsedExpression.every(function(element) {
        return parsedLicenses.some(function(approvedLicense) {
          return licensesAreCompatible(element, approvedLicense);
        });
      });
    }
    function satisfies2(spdxExpression, arrayOfLicenses) {
      var parsedExpression = expand(replaceGPLOnlyOrLaterWithRanges(parse2(spdxExpression)));
      var parsedLicenses = arrayOfLicenses.map(function(l) {
        return replaceGPLOnlyOrLaterWithRanges(parse2(l));
      });
      for (const parsed of parsedLicenses) {
        if (parsed.hasOwnProperty("conjunction")) {
          throw new Error("Approved licenses cannot be AND or OR expressions.");
        }
      }
      return parsedExpression.some(function(o) {
        return isANDCompatible(o, parsedLicenses);
      });
    }
    module.exports = satisfies2;
  }
});

// src/policy/hf-licenses.ts
var HF_LICENSES, NO_LICENSE;
var init_hf_licenses = __esm({
  "src/policy/hf-licenses.ts"() {
    "use strict";
    HF_LICENSES = {
      "apache-2.0": "Apache-2.0",
      mit: "MIT",
      "afl-3.0": "AFL-3.0",
      "artistic-2.0": "Artistic-2.0",
      "bsl-1.0": "BSL-1.0",
      "bsd-2-clause": "BSD-2-Clause",
      "bsd-3-clause": "BSD-3-Clause",
      "bsd-3-clause-clear": "BSD-3-Clause-Clear",
      "c-uda": "C-UDA-1.0",
      "cc0-1.0": "CC0-1.0",
      "cc-by-2.0": "CC-BY-2.0",
      "cc-by-2.5": "CC-BY-2.5",
      "cc-by-3.0": "CC-BY-3.0",
      "cc-by-4.0": "CC-BY-4.0",
      "cc-by-sa-3.0": "CC-BY-SA-3.0",
      "cc-by-sa-4.0": "CC-BY-SA-4.0",
      "cc-by-nc-2.0": "CC-BY-NC-2.0",
      "cc-by-nc-3.0": "CC-BY-NC-3.0",
      "cc-by-nc-4.0": "CC-BY-NC-4.0",
      "cc-by-nd-4.0": "CC-BY-ND-4.0",
      "cc-by-nc-nd-3.0": "CC-BY-NC-ND-3.0",
      "cc-by-nc-nd-4.0": "CC-BY-NC-ND-4.0",
      "cc-by-nc-sa-2.0": "CC-BY-NC-SA-2.0",
      "cc-by-nc-sa-3.0": "CC-BY-NC-SA-3.0",
      "cc-by-nc-sa-4.0": "CC-BY-NC-SA-4.0",
      "cdla-sharing-1.0": "CDLA-Sharing-1.0",
      "cdla-permissive-1.0": "CDLA-Permissive-1.0",
      "cdla-permissive-2.0": "CDLA-Permissive-2.0",
      wtfpl: "WTFPL",
      "ecl-2.0": "ECL-2.0",
      "epl-1.0": "EPL-1.0",
      "epl-2.0": "EPL-2.0",
      "etalab-2.0": "etalab-2.0",
      "eupl-1.1": "EUPL-1.1",
      "eupl-1.2": "EUPL-1.2",
      // HF's gpl/lgpl/agpl ids name a version but not "only" / "or later"; SPDX's reading of the
      // bare (deprecated) id is "only".
      "agpl-3.0": "AGPL-3.0-only",
      "gpl-2.0": "GPL-2.0-only",
      "gpl-3.0": "GPL-3.0-only",
      "lgpl-2.1": "LGPL-2.1-only",
      "lgpl-3.0": "LGPL-3.0-only",
      isc: "ISC",
      "lppl-1.3c": "LPPL-1.3c",
      "ms-pl": "MS-PL",
      "mpl-2.0": "MPL-2.0",
      "odc-by": "ODC-By-1.0",
      odbl: "ODbL-1.0",
      "osl-3.0": "OSL-3.0",
      postgresql: "PostgreSQL",
      "ofl-1.1": "OFL-1.1",
      ncsa: "NCSA",
      unlicense: "Unlicense",
      zlib: "Zlib",
      pddl: "PDDL-1.0",
      // No SPDX equivalent: matched only by name.
      cc: null,
      bsd: null,
      gfdl: null,
      gpl: null,
      lgpl: null,
      "lgpl-lr": null,
      "h-research": null,
      "intel-research": null,
      "apple-ascl": null,
      "apple-amlr": null,
      "openmdw-1.0": null,
      openrail: null,
      "openrail++": null,
      "bigscience-openrail-m": null,
      "creativeml-openrail-m": null,
      "bigscience-bloom-rail-1.0": null,
      "bigcode-openrail-m": null,
      "deepfloyd-if-license": null,
      "fair-noncommercial-research-license": null,
      llama2: null,
      llama3: null,
      "llama3.1": null,
      "llama3.2": null,
      "llama3.3": null,
      llama4: null,
      gemma: null,
      unknown: null,
      other: null
    };
    NO_LICENSE = "none";
  }
});

// src/policy/licenses.ts
import { createRequire } from "node:module";
function refId(id2) {
  return `LicenseRef-${id2.toLowerCase().replace(/\+/g, "plus")}`;
}
function canonicalId(token) {
  if (!ID_CHARS.test(token)) return void 0;
  const lower = token.toLowerCase();
  if (HF.has(lower)) return { id: HF.get(lower) ?? refId(lower), known: true };
  const spdx = SPDX_IDS.get(lower);
  if (spdx) return { id: spdx, known: true };
  if (lower.endsWith("+") && !lower.slice(0, -1).includes("+")) {
    const base = SPDX_IDS.get(lower.slice(0, -1)) ?? HF.get(lower.slice(0, -1));
    if (base) return { id: `${base.replace(/-only$/, "")}+`, known: true };
  }
  if (lower.startsWith("licenseref-") && lower.length > "licenseref-".length) return { id: refId(lower.slice("licenseref-".length)), known: true };
  return { id: refId(lower), known: false };
}
function normalizeLicense(raw) {
  if (raw !== void 0 && raw !== null && typeof raw !== "string") return { raw: JSON.stringify(raw)?.slice(0, 80) ?? typeof raw, spdx: void 0, node: void 0, known: false };
  const text = typeof raw === "string" ? raw.trim() : "";
  if (text === "") return { raw: NO_LICENSE, spdx: refId(NO_LICENSE), node: { license: refId(NO_LICENSE) }, known: false };
  const bad4 = { raw: text, spdx: void 0, node: void 0, known: false };
  if (text.length > MAX_LICENSE_LENGTH) return bad4;
  const tokens = text.split(/(\(|\)|\s+)/).filter((t) => t !== "" && !/^\s+$/.test(t));
  const out2 = [];
  let known = true;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const upper = t.toUpperCase();
    if (t === "(" || t === ")" || upper === "AND" || upper === "OR") {
      out2.push(upper);
    } else if (upper === "WITH") {
      const ex = SPDX_EXCEPTIONS.get((tokens[i + 1] ?? "").toLowerCase());
      if (!ex) return bad4;
      out2.push("WITH", ex);
      i++;
    } else {
      const c = canonicalId(t);
      if (!c) return bad4;
      known &&= c.known;
      out2.push(c.id);
    }
  }
  const spdx = out2.join(" ").replace(/\( /g, "(").replace(/ \)/g, ")");
  try {
    return { raw: text, spdx, node: (0, import_spdx_expression_parse.default)(spdx), known };
  } catch {
    return bad4;
  }
}
function termText(t) {
  return `${t.license}${t.plus ? "+" : ""}${t.exception ? ` WITH ${t.exception}` : ""}`;
}
function choices(node) {
  if (!("conjunction" in node)) return [[node]];
  const l = choices(node.left);
  const r = choices(node.right);
  if (!l || !r) return void 0;
  if (node.conjunction === "or") return l.length + r.length > MAX_CHOICES ? void 0 : [...l, ...r];
  if (l.length * r.length > MAX_CHOICES) return void 0;
  return l.flatMap((a) => r.map((b2) => [...a, ...b2]));
}
function matches(term, entry) {
  const e = entry.spdx;
  if (term === e) return true;
  try {
    return (0, import_spdx_satisfies.default)(term, [e]);
  } catch {
    return false;
  }
}
function evaluateLicense(lic, rule) {
  if (!lic.node) return { ok: false, blockers: [{ term: lic.raw, reason: "unknown" }] };
  const opts = choices(lic.node);
  if (!opts) return { ok: false, blockers: [{ term: lic.raw, reason: "unknown" }] };
  const blockers = /* @__PURE__ */ new Map();
  for (const choice of opts) {
    const blocked = [];
    for (const t of choice) {
      const text = termText(t);
      if (rule.deny.some((d) => matches(text, d))) blocked.push({ term: text, reason: "denied" });
      else if (!rule.allow.some((a) => matches(text, a))) blocked.push({ term: text, reason: t.license.startsWith("LicenseRef-") && !isNamedRef(t.license) ? "unknown" : "not-allowed" });
    }
    if (blocked.length === 0) return { ok: true, spdx: lic.spdx };
    for (const b2 of blocked) if (!blockers.has(b2.term)) blockers.set(b2.term, b2);
  }
  return { ok: false, blockers: [...blockers.values()] };
}
function isNamedRef(ref) {
  return NAMED_REFS.has(ref);
}
function displayId(term) {
  return term.startsWith("LicenseRef-") ? term.slice("LicenseRef-".length) : term;
}
var import_spdx_expression_parse, import_spdx_satisfies, require2, fromParser, SPDX_IDS, HF, SPDX_EXCEPTIONS, MAX_LICENSE_LENGTH, MAX_CHOICES, ID_CHARS, NAMED_REFS;
var init_licenses = __esm({
  "src/policy/licenses.ts"() {
    "use strict";
    import_spdx_expression_parse = __toESM(require_spdx_expression_parse(), 1);
    import_spdx_satisfies = __toESM(require_spdx_satisfies(), 1);
    init_hf_licenses();
    require2 = createRequire(import.meta.url);
    fromParser = createRequire(require2.resolve("spdx-expression-parse"));
    SPDX_IDS = /* @__PURE__ */ new Map();
    for (const list of ["spdx-license-ids", "spdx-license-ids/deprecated.json"]) {
      for (const id2 of fromParser(list)) SPDX_IDS.set(id2.toLowerCase(), id2);
    }
    HF = new Map(Object.entries(HF_LICENSES));
    SPDX_EXCEPTIONS = new Map(fromParser("spdx-exceptions").map((id2) => [id2.toLowerCase(), id2]));
    MAX_LICENSE_LENGTH = 1024;
    MAX_CHOICES = 256;
    ID_CHARS = /^[A-Za-z0-9.+-]+$/;
    NAMED_REFS = new Set(
      Object.entries(HF_LICENSES).filter(([id2, spdx]) => spdx === null && id2 !== "other" && id2 !== "unknown").map(([id2]) => refId(id2))
    );
  }
});

// src/hashing/paths.ts
function compareCodePoints(a, b2) {
  const ia = a[Symbol.iterator]();
  const ib = b2[Symbol.iterator]();
  for (; ; ) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return x.done === y.done ? 0 : x.done ? -1 : 1;
    const cx = x.value.codePointAt(0);
    const cy = y.value.codePointAt(0);
    if (cx !== cy) return cx < cy ? -1 : 1;
  }
}
function unsafeNameReason(name) {
  if (name.length === 0) return "empty name";
  if (name.length > 4096) return "name longer than 4096 characters";
  if (name.startsWith("/")) return "absolute path";
  if (/^[A-Za-z]:/.test(name)) return "drive-letter path";
  if (name.includes("\\")) return "backslash in name";
  if (/[\u0000-\u001f\u007f]/.test(name)) return "control character in name";
  for (const seg of name.split("/")) {
    if (seg === "") return "empty path segment";
    if (seg === "..") return '".." segment';
    if (seg === ".") return '"." segment';
  }
  return void 0;
}
function normaliseIgnorePath(p2) {
  let s3 = p2.replace(/\\/g, "/");
  while (s3.startsWith("./")) s3 = s3.slice(2);
  while (s3.length > 1 && s3.endsWith("/")) s3 = s3.slice(0, -1);
  return s3;
}
function isIgnored(name, ignorePaths) {
  for (const p2 of ignorePaths) {
    if (p2 === "" || p2 === ".") continue;
    if (name === p2 || name.startsWith(p2 + "/")) return true;
  }
  return false;
}
var DEFAULT_IGNORES;
var init_paths = __esm({
  "src/hashing/paths.ts"() {
    "use strict";
    DEFAULT_IGNORES = [".git", ".github", ".gitattributes", ".gitignore"];
  }
});

// src/hashing/enumerate.ts
import { lstat, readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
function within(rootReal, target) {
  return target === rootReal || target.startsWith(rootReal.endsWith(path.sep) ? rootReal : rootReal + path.sep);
}
function kindOf(st2) {
  if (st2.isFIFO()) return "FIFO";
  if (st2.isSocket()) return "socket";
  if (st2.isCharacterDevice()) return "character device";
  if (st2.isBlockDevice()) return "block device";
  return "special file";
}
async function enumerateModel(model, opts) {
  const root = path.resolve(model);
  let st2;
  try {
    st2 = await lstat(root);
  } catch (e) {
    const c = errnoCode(e);
    throw usage("MODEL_NOT_FOUND", c === "ENOENT" ? `model not found: ${model}` : `cannot read model ${model}: ${c ?? String(e)}`);
  }
  const problems = [];
  if (st2.isSymbolicLink()) {
    const real = await realpath(root);
    return enumerateModel(real, opts);
  }
  if (st2.isFile()) {
    return { root, isFile: true, files: [{ name: path.basename(root), abs: root, size: st2.size, viaLink: false }], problems };
  }
  if (!st2.isDirectory()) {
    throw usage("SPECIAL_FILE", `model is a ${kindOf(st2)}, not a file or directory: ${model}`);
  }
  const rootReal = await realpath(root);
  const maxFiles = opts.maxFiles ?? DEFAULT_MAX_FILES;
  const maxDepth = opts.maxDepth ?? DEFAULT_MAX_DEPTH;
  const files = [];
  const visitedDirs = /* @__PURE__ */ new Set();
  const walk = async (absDir, rel, depth, viaLink) => {
    if (depth > maxDepth) {
      problems.push({ code: "TOO_DEEP", path: rel, message: `directory nesting deeper than ${maxDepth}` });
      return;
    }
    const dst = await stat(absDir);
    const key = `${dst.dev}:${dst.ino}`;
    if (visitedDirs.has(key)) {
      problems.push({ code: "SYMLINK_LOOP", path: rel, message: "directory reached twice through symlinks" });
      return;
    }
    visitedDirs.add(key);
    const entries = await readdir(absDir, { withFileTypes: true });
    for (const ent of entries) {
      const name = rel === "" ? ent.name : `${rel}/${ent.name}`;
      if (isIgnored(name, opts.ignorePaths)) continue;
      const abs = path.join(absDir, ent.name);
      const est = await lstat(abs);
      if (est.isSymbolicLink()) {
        let target;
        try {
          target = await realpath(abs);
        } catch {
          problems.push({ code: "SYMLINK_BROKEN", path: name, message: "symlink target does not exist" });
          continue;
        }
        if (!within(rootReal, target)) {
          problems.push({ code: "SYMLINK_OUTSIDE", path: name, message: "symlink points outside the model" });
          continue;
        }
        if (!opts.allowSymlinks) {
          problems.push({ code: "SYMLINK_REFUSED", path: name, message: "symlinks are not allowed (use --allow-symlinks for links inside the model)" });
          continue;
        }
        const tst = await stat(target);
        if (tst.isDirectory()) await walk(target, name, depth + 1, true);
        else if (tst.isFile()) files.push({ name, abs: target, size: tst.size, viaLink: true });
        else problems.push({ code: "SPECIAL_FILE", path: name, message: `symlink to a ${kindOf(tst)}` });
      } else if (est.isDirectory()) {
        await walk(abs, name, depth + 1, viaLink);
      } else if (est.isFile()) {
        files.push({ name, abs, size: est.size, viaLink });
      } else {
        problems.push({ code: "SPECIAL_FILE", path: name, message: `${kindOf(est)} is not a regular file` });
      }
      if (files.length > maxFiles) {
        throw usage("TOO_MANY_FILES", `model has more than ${maxFiles} files`);
      }
    }
  };
  await walk(root, "", 0, false);
  files.sort((a, b2) => compareCodePoints(a.name, b2.name));
  return { root, isFile: false, files, problems };
}
var DEFAULT_MAX_FILES, DEFAULT_MAX_DEPTH;
var init_enumerate = __esm({
  "src/hashing/enumerate.ts"() {
    "use strict";
    init_errors();
    init_paths();
    DEFAULT_MAX_FILES = 1e6;
    DEFAULT_MAX_DEPTH = 128;
  }
});

// node_modules/@noble/hashes/_u64.js
var fromNumH, fromNumL;
var init_u64 = __esm({
  "node_modules/@noble/hashes/_u64.js"() {
    fromNumH = (n) => n / 2 ** 32 | 0;
    fromNumL = (n) => n >>> 0;
  }
});

// node_modules/@noble/hashes/utils.js
function isBytes2(a) {
  return a instanceof Uint8Array || ArrayBuffer.isView(a) && a.constructor.name === "Uint8Array" && "BYTES_PER_ELEMENT" in a && a.BYTES_PER_ELEMENT === 1;
}
function anumber2(n, title = "") {
  if (typeof n !== "number")
    throw new TypeError(atitle2(title) + "expected number, got " + typeof n);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new RangeError(atitle2(title) + "expected integer >= 0, got " + n);
  return n;
}
function abytes2(value, length, title = "") {
  if (isBytes2(value) && (length === void 0 || value.length === length))
    return value;
  if (length !== void 0)
    anumber2(length, "length");
  const bytes = isBytes2(value);
  const ofLen = length !== void 0 ? ` of length ${length}` : "";
  const got = bytes ? `length=${value.length}` : `type=${typeof value}`;
  const message = atitle2(title) + "expected Uint8Array" + ofLen + ", got " + got;
  if (!bytes)
    throw new TypeError(message);
  throw new RangeError(message);
}
function copyBytes2(bytes) {
  return Uint8Array.from(abytes2(bytes));
}
function aexists2(instance, checkFinished = true) {
  if (instance.destroyed)
    throw new Error("hash was destroyed");
  if (checkFinished && instance.finished)
    throw new Error("digest() was already called");
}
function aoutput2(out2, instance) {
  abytes2(out2, void 0, "output");
  const min = instance.outputLen;
  if (!(out2.length >= min)) {
    throw new RangeError('"output" expected length >= ' + min);
  }
}
function u8(arr) {
  return new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength);
}
function u322(arr) {
  return new Uint32Array(arr.buffer, arr.byteOffset, Math.floor(arr.byteLength / 4));
}
function clean2(...arrays) {
  for (let i = 0; i < arrays.length; i++) {
    arrays[i].fill(0);
  }
}
function rotr(word, shift) {
  return word << 32 - shift | word >>> shift;
}
function byteSwap2(word) {
  return word << 24 & 4278190080 | word << 8 & 16711680 | word >>> 8 & 65280 | word >>> 24 & 255;
}
function byteSwap322(arr) {
  for (let i = 0; i < arr.length; i++) {
    arr[i] = byteSwap2(arr[i]);
  }
  return arr;
}
function checkOpts2(defaults, opts, title = "opts") {
  aopts(defaults, "defaults");
  if (opts !== void 0)
    aopts(opts, title);
  const merged = Object.assign(/* @__PURE__ */ Object.create(null), defaults, opts);
  return merged;
}
function createHasher(hashCons, info2 = {}) {
  if (typeof hashCons !== "function")
    throw new TypeError('"hashCons" expected function, got type=' + typeof hashCons);
  info2 = checkOpts2({}, info2, "info");
  const hashC = (msg, opts) => hashCons(opts).update(msg).digest();
  const tmp = hashCons(void 0);
  hashC.outputLen = tmp.outputLen;
  hashC.blockLen = tmp.blockLen;
  hashC.canXOF = tmp.canXOF;
  hashC.create = (opts) => hashCons(opts);
  Object.assign(hashC, info2);
  return Object.freeze(hashC);
}
var atitle2, aobject2, aopts, isLE2, swap8IfBE, swap32IfBE2;
var init_utils2 = __esm({
  "node_modules/@noble/hashes/utils.js"() {
    atitle2 = (title) => title ? `"${title}" ` : "";
    aobject2 = (value, label2) => {
      if (value === null || typeof value !== "object" || Array.isArray(value))
        throw new TypeError((label2 === "object" ? "" : `"${label2}" `) + "expected object, got type=" + typeof value);
    };
    aopts = (value, label2) => {
      aobject2(value, label2);
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null)
        throw new TypeError(`"${label2}" expected plain object`);
      if (Object.hasOwn(value, "__proto__"))
        throw new TypeError(`"${label2}.__proto__" is not allowed`);
    };
    isLE2 = /* @__PURE__ */ (() => new Uint8Array(new Uint32Array([287454020]).buffer)[0] === 68)();
    swap8IfBE = isLE2 ? (n) => n : (n) => byteSwap2(n) >>> 0;
    swap32IfBE2 = isLE2 ? (u2) => u2 : byteSwap322;
  }
});

// node_modules/@noble/hashes/_md.js
var SHA256_IV;
var init_md = __esm({
  "node_modules/@noble/hashes/_md.js"() {
    SHA256_IV = /* @__PURE__ */ Uint32Array.from([
      1779033703,
      3144134277,
      1013904242,
      2773480762,
      1359893119,
      2600822924,
      528734635,
      1541459225
    ]);
  }
});

// node_modules/@noble/hashes/_blake.js
function G1s(a, b2, c, d, x) {
  a = a + b2 + x | 0;
  d = rotr(d ^ a, 16);
  c = c + d | 0;
  b2 = rotr(b2 ^ c, 12);
  return { a, b: b2, c, d };
}
function G2s(a, b2, c, d, x) {
  a = a + b2 + x | 0;
  d = rotr(d ^ a, 8);
  c = c + d | 0;
  b2 = rotr(b2 ^ c, 7);
  return { a, b: b2, c, d };
}
var init_blake = __esm({
  "node_modules/@noble/hashes/_blake.js"() {
    init_utils2();
  }
});

// node_modules/@noble/hashes/blake2.js
function _compress(s3, offset, msg, rounds, v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15) {
  let j2 = 0;
  for (let i = 0; i < rounds; i++) {
    ({ a: v0, b: v4, c: v8, d: v12 } = G1s(v0, v4, v8, v12, msg[offset + s3[j2++]]));
    ({ a: v0, b: v4, c: v8, d: v12 } = G2s(v0, v4, v8, v12, msg[offset + s3[j2++]]));
    ({ a: v1, b: v5, c: v9, d: v13 } = G1s(v1, v5, v9, v13, msg[offset + s3[j2++]]));
    ({ a: v1, b: v5, c: v9, d: v13 } = G2s(v1, v5, v9, v13, msg[offset + s3[j2++]]));
    ({ a: v2, b: v6, c: v10, d: v14 } = G1s(v2, v6, v10, v14, msg[offset + s3[j2++]]));
    ({ a: v2, b: v6, c: v10, d: v14 } = G2s(v2, v6, v10, v14, msg[offset + s3[j2++]]));
    ({ a: v3, b: v7, c: v11, d: v15 } = G1s(v3, v7, v11, v15, msg[offset + s3[j2++]]));
    ({ a: v3, b: v7, c: v11, d: v15 } = G2s(v3, v7, v11, v15, msg[offset + s3[j2++]]));
    ({ a: v0, b: v5, c: v10, d: v15 } = G1s(v0, v5, v10, v15, msg[offset + s3[j2++]]));
    ({ a: v0, b: v5, c: v10, d: v15 } = G2s(v0, v5, v10, v15, msg[offset + s3[j2++]]));
    ({ a: v1, b: v6, c: v11, d: v12 } = G1s(v1, v6, v11, v12, msg[offset + s3[j2++]]));
    ({ a: v1, b: v6, c: v11, d: v12 } = G2s(v1, v6, v11, v12, msg[offset + s3[j2++]]));
    ({ a: v2, b: v7, c: v8, d: v13 } = G1s(v2, v7, v8, v13, msg[offset + s3[j2++]]));
    ({ a: v2, b: v7, c: v8, d: v13 } = G2s(v2, v7, v8, v13, msg[offset + s3[j2++]]));
    ({ a: v3, b: v4, c: v9, d: v14 } = G1s(v3, v4, v9, v14, msg[offset + s3[j2++]]));
    ({ a: v3, b: v4, c: v9, d: v14 } = G2s(v3, v4, v9, v14, msg[offset + s3[j2++]]));
  }
  return { v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15 };
}
var _BLAKE2;
var init_blake2 = __esm({
  "node_modules/@noble/hashes/blake2.js"() {
    init_blake();
    init_utils2();
    _BLAKE2 = class {
      buffer;
      buffer32;
      finished = false;
      destroyed = false;
      length = 0;
      pos = 0;
      blockLen;
      outputLen;
      canXOF = false;
      constructor(blockLen, outputLen) {
        anumber2(blockLen);
        anumber2(outputLen);
        this.blockLen = blockLen;
        this.outputLen = outputLen;
        this.buffer = new Uint8Array(blockLen);
        this.buffer32 = u322(this.buffer);
      }
      update(data) {
        aexists2(this);
        abytes2(data);
        const { blockLen, buffer, buffer32 } = this;
        const len = data.length;
        const offset = data.byteOffset;
        const buf = data.buffer;
        for (let pos = 0; pos < len; ) {
          if (this.pos === blockLen) {
            swap32IfBE2(buffer32);
            this.compress(buffer32, 0, false);
            swap32IfBE2(buffer32);
            this.pos = 0;
          }
          const take = Math.min(blockLen - this.pos, len - pos);
          const dataOffset = offset + pos;
          if (take === blockLen && !(dataOffset % 4) && pos + take < len) {
            const data32 = new Uint32Array(buf, dataOffset, Math.floor((len - pos) / 4));
            swap32IfBE2(data32);
            for (let pos32 = 0; pos + blockLen < len; pos32 += buffer32.length, pos += blockLen) {
              this.length += blockLen;
              this.compress(data32, pos32, false);
            }
            swap32IfBE2(data32);
            continue;
          }
          buffer.set(pos === 0 && take === len ? data : data.subarray(pos, pos + take), this.pos);
          this.pos += take;
          this.length += take;
          pos += take;
        }
        return this;
      }
      digestInto(out2) {
        aexists2(this);
        aoutput2(out2, this);
        if (out2.byteOffset & 3)
          throw new RangeError('"output" expected 4-byte aligned byteOffset, got ' + out2.byteOffset);
        const { pos, buffer32 } = this;
        this.finished = true;
        this.buffer.fill(0, pos);
        swap32IfBE2(buffer32);
        this.compress(buffer32, 0, true);
        swap32IfBE2(buffer32);
        const state2 = this.get();
        const out32 = out2 === this.buffer ? buffer32 : u322(out2);
        const full = Math.floor(this.outputLen / 4);
        for (let i = 0; i < full; i++)
          out32[i] = swap8IfBE(state2[i]);
        const tail = this.outputLen % 4;
        if (!tail)
          return;
        const off = full * 4;
        const word = state2[full];
        for (let i = 0; i < tail; i++)
          out2[off + i] = word >>> 8 * i;
      }
      digest() {
        const { buffer, outputLen } = this;
        this.digestInto(buffer);
        const res = buffer.slice(0, outputLen);
        this.destroy();
        return res;
      }
      _cloneInto(to2) {
        const { buffer, length, finished, destroyed, outputLen, pos } = this;
        to2 ||= new this.constructor({ dkLen: outputLen });
        to2.set(...this.get());
        to2.buffer.set(buffer);
        to2.destroyed = destroyed;
        to2.finished = finished;
        to2.length = length;
        to2.pos = pos;
        to2.outputLen = outputLen;
        return to2;
      }
      clone() {
        return this._cloneInto();
      }
    };
  }
});

// node_modules/@noble/hashes/blake3.js
var blake3_exports = {};
__export(blake3_exports, {
  _BLAKE3: () => _BLAKE3,
  blake3: () => blake3
});
var B3_Flags, B3_IV, B3_SIGMA, _BLAKE3, blake3;
var init_blake3 = __esm({
  "node_modules/@noble/hashes/blake3.js"() {
    init_md();
    init_u64();
    init_blake2();
    init_utils2();
    B3_Flags = {
      CHUNK_START: 1,
      CHUNK_END: 2,
      PARENT: 4,
      ROOT: 8,
      KEYED_HASH: 16,
      DERIVE_KEY_CONTEXT: 32,
      DERIVE_KEY_MATERIAL: 64
    };
    B3_IV = /* @__PURE__ */ SHA256_IV.slice();
    B3_SIGMA = /* @__PURE__ */ (() => {
      const Id = Array.from({ length: 16 }, (_2, i) => i);
      const permute = (arr) => [2, 6, 3, 10, 7, 0, 4, 13, 1, 11, 12, 5, 9, 14, 15, 8].map((i) => arr[i]);
      const res = [];
      for (let i = 0, v2 = Id; i < 7; i++, v2 = permute(v2))
        res.push(...v2);
      return Uint8Array.from(res);
    })();
    _BLAKE3 = class __BLAKE3 extends _BLAKE2 {
      canXOF = true;
      chunkPos = 0;
      // Position of current block in chunk
      // How many chunks we already have; exact while this stays within
      // JS's safe-integer range.
      chunksDone = 0;
      flags = 0 | 0;
      IV;
      state;
      stack = [];
      // Output
      posOut = 0;
      bufferOut32 = new Uint32Array(16);
      bufferOut;
      // Index of output chunk; exact while this stays within JS's
      // safe-integer range.
      chunkOut = 0;
      enableXOF = true;
      constructor(opts = {}, flags = 0) {
        opts = checkOpts2({}, opts);
        super(64, opts.dkLen === void 0 ? 32 : opts.dkLen);
        const { key, context } = opts;
        const hasContext = context !== void 0;
        if (key !== void 0) {
          if (hasContext)
            throw new Error('cannot use both "key" and "context"');
          abytes2(key, 32, "key");
          const k2 = copyBytes2(key);
          this.IV = u322(k2);
          swap32IfBE2(this.IV);
          this.flags = flags | B3_Flags.KEYED_HASH;
        } else if (hasContext) {
          abytes2(context, void 0, "context");
          const ctx = context;
          const contextKey = new __BLAKE3({ dkLen: 32 }, B3_Flags.DERIVE_KEY_CONTEXT).update(ctx).digest();
          this.IV = u322(contextKey);
          swap32IfBE2(this.IV);
          this.flags = flags | B3_Flags.DERIVE_KEY_MATERIAL;
        } else {
          this.IV = B3_IV;
          this.flags = flags;
        }
        this.state = this.IV.slice();
        this.bufferOut = u8(this.bufferOut32);
      }
      // _BLAKE2's scalar-state hooks are unused here: BLAKE3 keeps its tree/XOF state in arrays and
      // copies it directly in _cloneInto().
      get() {
        return [];
      }
      set() {
      }
      // Truncated chunk/parent compression: seed v8..v15 as IV[0..3], t0, t1,
      // block length, and flags, then keep only the first 8 output words.
      b2Compress(counter, flags, buf, bufPos = 0) {
        const { state: s3, pos } = this;
        const t0 = fromNumL(counter);
        const t1 = fromNumH(counter);
        const { v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15 } = _compress(B3_SIGMA, bufPos, buf, 7, s3[0], s3[1], s3[2], s3[3], s3[4], s3[5], s3[6], s3[7], B3_IV[0], B3_IV[1], B3_IV[2], B3_IV[3], t0, t1, pos, flags);
        s3[0] = v0 ^ v8;
        s3[1] = v1 ^ v9;
        s3[2] = v2 ^ v10;
        s3[3] = v3 ^ v11;
        s3[4] = v4 ^ v12;
        s3[5] = v5 ^ v13;
        s3[6] = v6 ^ v14;
        s3[7] = v7 ^ v15;
      }
      compress(buf, bufPos = 0, isLast = false) {
        let flags = this.flags;
        if (!this.chunkPos)
          flags |= B3_Flags.CHUNK_START;
        if (this.chunkPos === 15 || isLast)
          flags |= B3_Flags.CHUNK_END;
        if (!isLast)
          this.pos = this.blockLen;
        this.b2Compress(this.chunksDone, flags, buf, bufPos);
        this.chunkPos += 1;
        if (this.chunkPos === 16 || isLast) {
          let chunk = this.state;
          this.state = this.IV.slice();
          for (let last, chunks = this.chunksDone + 1; isLast || !(chunks & 1); chunks = Math.floor(chunks / 2)) {
            if (!(last = this.stack.pop()))
              break;
            this.buffer32.set(last, 0);
            this.buffer32.set(chunk, 8);
            this.pos = this.blockLen;
            this.b2Compress(0, this.flags | B3_Flags.PARENT, this.buffer32, 0);
            chunk = this.state;
            this.state = this.IV.slice();
          }
          this.chunksDone++;
          this.chunkPos = 0;
          this.stack.push(chunk);
        }
        this.pos = 0;
      }
      // Overriding hides _BLAKE2's flat implementation, which would otherwise be inherited
      // and silently miss the tree state (CV stack, chunk counters; get()/set() are stubs here).
      _cloneInto(to2) {
        const staleOutput = !!to2 && to2.finished && !to2.destroyed;
        to2 = super._cloneInto(to2);
        const { IV, flags, state: state2, chunkPos, posOut, chunkOut, stack, chunksDone } = this;
        to2.state.set(state2);
        to2.stack = stack.map((i) => Uint32Array.from(i));
        if (IV === B3_IV) {
          if (to2.IV !== B3_IV)
            clean2(to2.IV);
          to2.IV = B3_IV;
        } else if (to2.IV === B3_IV) {
          to2.IV = IV.slice();
        } else {
          to2.IV.set(IV);
        }
        to2.flags = flags;
        to2.chunkPos = chunkPos;
        to2.chunksDone = chunksDone;
        to2.posOut = posOut;
        to2.chunkOut = chunkOut;
        to2.enableXOF = this.enableXOF;
        if (this.finished) {
          to2.bufferOut32.set(this.bufferOut32);
        } else if (staleOutput) {
          clean2(to2.bufferOut32);
        }
        return to2;
      }
      destroy() {
        this.destroyed = true;
        clean2(this.state, this.buffer32, this.bufferOut32);
        if (this.IV !== B3_IV)
          clean2(this.IV);
        clean2(...this.stack);
      }
      // Root/XOF compression: rerun the same ROOT inputs with incrementing output
      // counter `t` and materialize all 16 output words.
      // Same as b2Compress, but doesn't modify state and returns 16 u32 array (instead of 8)
      b2CompressOut() {
        const { state: s3, pos, flags, buffer32, bufferOut32: out32 } = this;
        const outCounter = this.chunkOut++;
        const t0 = fromNumL(outCounter);
        const t1 = fromNumH(outCounter);
        swap32IfBE2(buffer32);
        const { v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15 } = _compress(B3_SIGMA, 0, buffer32, 7, s3[0], s3[1], s3[2], s3[3], s3[4], s3[5], s3[6], s3[7], B3_IV[0], B3_IV[1], B3_IV[2], B3_IV[3], t0, t1, pos, flags);
        out32[0] = v0 ^ v8;
        out32[1] = v1 ^ v9;
        out32[2] = v2 ^ v10;
        out32[3] = v3 ^ v11;
        out32[4] = v4 ^ v12;
        out32[5] = v5 ^ v13;
        out32[6] = v6 ^ v14;
        out32[7] = v7 ^ v15;
        out32[8] = s3[0] ^ v8;
        out32[9] = s3[1] ^ v9;
        out32[10] = s3[2] ^ v10;
        out32[11] = s3[3] ^ v11;
        out32[12] = s3[4] ^ v12;
        out32[13] = s3[5] ^ v13;
        out32[14] = s3[6] ^ v14;
        out32[15] = s3[7] ^ v15;
        swap32IfBE2(buffer32);
        swap32IfBE2(out32);
        this.posOut = 0;
      }
      finish() {
        if (this.finished)
          return;
        this.finished = true;
        this.buffer.fill(0, this.pos);
        let flags = this.flags | B3_Flags.ROOT;
        if (this.stack.length) {
          flags |= B3_Flags.PARENT;
          swap32IfBE2(this.buffer32);
          this.compress(this.buffer32, 0, true);
          swap32IfBE2(this.buffer32);
          this.chunksDone = 0;
          this.pos = this.blockLen;
        } else {
          flags |= (!this.chunkPos ? B3_Flags.CHUNK_START : 0) | B3_Flags.CHUNK_END;
        }
        this.flags = flags;
        this.b2CompressOut();
      }
      writeInto(out2) {
        aexists2(this, false);
        abytes2(out2);
        this.finish();
        const { blockLen, bufferOut } = this;
        for (let pos = 0, len = out2.length; pos < len; ) {
          if (this.posOut >= blockLen)
            this.b2CompressOut();
          const take = Math.min(blockLen - this.posOut, len - pos);
          out2.set(bufferOut.subarray(this.posOut, this.posOut + take), pos);
          this.posOut += take;
          pos += take;
        }
        return out2;
      }
      xofInto(out2) {
        if (!this.enableXOF)
          throw new Error("no XOF after digest()");
        return this.writeInto(out2);
      }
      xof(bytes) {
        anumber2(bytes);
        return this.xofInto(new Uint8Array(bytes));
      }
      digestInto(out2) {
        aoutput2(out2, this);
        if (this.finished)
          throw new Error("digest() was already called");
        this.enableXOF = false;
        this.writeInto(out2.length === this.outputLen ? out2 : out2.subarray(0, this.outputLen));
        this.destroy();
      }
      digest() {
        const out2 = new Uint8Array(this.outputLen);
        this.digestInto(out2);
        return out2;
      }
    };
    blake3 = /* @__PURE__ */ createHasher((opts = {}) => new _BLAKE3(opts));
  }
});

// src/hashing/algorithms.ts
import { createHash as createHash2 } from "node:crypto";
function isHashAlgorithm(s3) {
  return typeof s3 === "string" && HASH_ALGORITHMS.includes(s3);
}
async function prepareAlgorithm(alg) {
  if (alg === "blake3" && !blake3Factory) {
    const mod = await Promise.resolve().then(() => (init_blake3(), blake3_exports));
    blake3Factory = () => mod.blake3.create();
  }
}
function createHasher2(alg) {
  switch (alg) {
    case "sha256":
    case "blake2b": {
      const h = createHash2(alg === "sha256" ? "sha256" : "blake2b512");
      return { update: (d) => void h.update(d), digestHex: () => h.digest("hex") };
    }
    case "blake3": {
      if (!blake3Factory) throw new Error("blake3 not prepared: call prepareAlgorithm first");
      const h = blake3Factory();
      return { update: (d) => void h.update(d), digestHex: () => Buffer.from(h.digest()).toString("hex") };
    }
  }
}
var HASH_ALGORITHMS, blake3Factory;
var init_algorithms2 = __esm({
  "src/hashing/algorithms.ts"() {
    "use strict";
    init_errors();
    HASH_ALGORITHMS = ["sha256", "blake2b", "blake3"];
  }
});

// src/hashing/read.ts
import { closeSync as closeSync2, constants as constants2, fstatSync, openSync as openSync2, readSync as readSync2 } from "node:fs";
function hashRange(task, alg, buf) {
  let fd;
  try {
    fd = openSync2(task.abs, constants2.O_RDONLY | O_NONBLOCK | (task.followLink ? 0 : O_NOFOLLOW));
  } catch (e) {
    const code = e.code;
    if (code === "ELOOP") return { ok: false, code: "FILE_IS_SYMLINK", message: "file was replaced by a symlink" };
    if (code === "ENOENT") return { ok: false, code: "FILE_MISSING", message: "file disappeared while verifying" };
    return { ok: false, code: "FILE_UNREADABLE", message: `cannot open: ${code ?? String(e)}` };
  }
  try {
    const before = fstatSync(fd);
    if (!before.isFile()) return { ok: false, code: "SPECIAL_FILE", message: "not a regular file" };
    if (before.size !== task.expectSize) {
      return { ok: false, code: "FILE_CHANGED_DURING_HASH", message: "file size changed while it was being read" };
    }
    const h = createHasher2(alg);
    let pos = task.start;
    while (pos < task.end) {
      const want = Math.min(buf.length, task.end - pos);
      const n = readSync2(fd, buf, 0, want, pos);
      if (n === 0) return { ok: false, code: "FILE_CHANGED_DURING_HASH", message: "file shrank while it was being read" };
      h.update(n === buf.length ? buf : buf.subarray(0, n));
      pos += n;
    }
    const after = fstatSync(fd);
    if (after.size !== before.size || after.mtimeMs !== before.mtimeMs) {
      return { ok: false, code: "FILE_CHANGED_DURING_HASH", message: "file changed while it was being read" };
    }
    return { ok: true, digest: h.digestHex() };
  } finally {
    closeSync2(fd);
  }
}
var O_NOFOLLOW, O_NONBLOCK;
var init_read = __esm({
  "src/hashing/read.ts"() {
    "use strict";
    init_algorithms2();
    O_NOFOLLOW = constants2.O_NOFOLLOW ?? 0;
    O_NONBLOCK = constants2.O_NONBLOCK ?? 0;
  }
});

// src/hashing/engine.ts
import os from "node:os";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
function workerUrl() {
  const here = new URL("./worker.js", import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  return new URL("../../dist/hashing/worker.js", import.meta.url);
}
function defaultJobs() {
  return Math.max(1, typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length);
}
async function hashTasks(tasks, alg, opts = {}) {
  const results = new Array(tasks.length);
  const total = tasks.reduce((s3, t) => s3 + (t.end - t.start), 0);
  const jobs = Math.max(1, Math.min(opts.jobs ?? defaultJobs(), 64));
  let done = 0;
  if (tasks.length === 0) return results;
  if (jobs === 1 || total <= INLINE_LIMIT || tasks.length === 1) {
    await prepareAlgorithm(alg);
    const buf = Buffer.allocUnsafe(Math.min(4 * 1024 * 1024, Math.max(64 * 1024, total)));
    tasks.forEach((t, i) => {
      results[i] = hashRange(t, alg, buf);
      done += t.end - t.start;
      opts.onProgress?.(done, total);
    });
    return results;
  }
  const order = tasks.map((_2, i) => i).sort((a, b2) => tasks[b2].end - tasks[b2].start - (tasks[a].end - tasks[a].start));
  let next = 0;
  const takeBatch = () => {
    const batch = [];
    let bytes = 0;
    while (next < order.length && batch.length < BATCH_COUNT) {
      const idx = order[next];
      const size = tasks[idx].end - tasks[idx].start;
      if (batch.length > 0 && bytes + size > BATCH_BYTES) break;
      batch.push(idx);
      bytes += size;
      next++;
    }
    return batch;
  };
  const nWorkers = Math.min(jobs, tasks.length);
  const url = workerUrl();
  const workers = [];
  try {
    await new Promise((resolve, rejectP) => {
      let active = 0;
      let reqId = 0;
      const inflight = /* @__PURE__ */ new Map();
      const feed = (w2) => {
        const batch = takeBatch();
        if (batch.length === 0) {
          if (active === 0) resolve();
          return;
        }
        active++;
        const id2 = reqId++;
        inflight.set(id2, batch);
        const req = { id: id2, alg, tasks: batch.map((i) => tasks[i]) };
        w2.postMessage(req);
      };
      for (let k2 = 0; k2 < nWorkers; k2++) {
        const w2 = new Worker(url);
        workers.push(w2);
        w2.on("message", (res) => {
          const batch = inflight.get(res.id);
          inflight.delete(res.id);
          batch.forEach((idx, j2) => {
            results[idx] = res.results[j2];
            done += tasks[idx].end - tasks[idx].start;
          });
          opts.onProgress?.(done, total);
          active--;
          feed(w2);
          if (active === 0 && next >= order.length) resolve();
        });
        w2.on("error", rejectP);
        feed(w2);
      }
    });
  } finally {
    await Promise.all(workers.map((w2) => w2.terminate()));
  }
  return results;
}
var INLINE_LIMIT, BATCH_BYTES, BATCH_COUNT;
var init_engine = __esm({
  "src/hashing/engine.ts"() {
    "use strict";
    init_algorithms2();
    init_read();
    INLINE_LIMIT = 16 * 1024 * 1024;
    BATCH_BYTES = 64 * 1024 * 1024;
    BATCH_COUNT = 256;
  }
});

// src/hashing/source.ts
function rangeKey(name, start, end) {
  return `${name}\0${start}\0${end}`;
}
function plannedRanges(method, shardSize, size) {
  if (method === "files" || !shardSize) return [[0, size]];
  if (size === 0) return [[0, 0]];
  const out2 = [];
  for (let s3 = 0; s3 < size; s3 += shardSize) out2.push([s3, Math.min(size, s3 + shardSize)]);
  return out2;
}
function lookupRange(hashed, name, start, end) {
  return hashed.get(rangeKey(name, start, end)) ?? { ok: false, code: "FILE_CHANGED", message: `byte range ${start}:${end} does not exist in the archive entry` };
}
var init_source = __esm({
  "src/hashing/source.ts"() {
    "use strict";
  }
});

// src/verify/files.ts
import { lstat as lstat2 } from "node:fs/promises";
import path2 from "node:path";
function parseShardName(name) {
  const m2 = /^(.*):(\d{1,16}):(\d{1,16})$/s.exec(name);
  if (!m2) return void 0;
  const start = Number(m2[2]);
  const end = Number(m2[3]);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || end < start) return void 0;
  return { path: m2[1], start, end };
}
async function statInside(root, name, allowSymlinks) {
  const segs = name.split("/");
  let cur = root;
  for (let i = 0; i < segs.length; i++) {
    cur = path2.join(cur, segs[i]);
    let st2;
    try {
      st2 = await lstat2(cur);
    } catch {
      return { code: "FILE_MISSING", path: name, message: "signed file is missing" };
    }
    if (st2.isSymbolicLink() && !allowSymlinks) return { code: "SYMLINK_REFUSED", path: name, message: "signed path goes through a symlink" };
    if (i < segs.length - 1) continue;
    if (!st2.isFile()) return { code: "SPECIAL_FILE", path: name, message: "signed path is not a regular file" };
    return { name, abs: cur, size: st2.size, viaLink: false };
  }
  return { code: "FILE_MISSING", path: name, message: "signed file is missing" };
}
function effectiveIgnores(model, signaturePath, signed, user) {
  const out2 = new Set([...DEFAULT_IGNORES, ...signed ?? [], ...user].map(normaliseIgnorePath));
  const rel = path2.relative(path2.resolve(model), path2.resolve(signaturePath));
  if (rel && !rel.startsWith("..") && !path2.isAbsolute(rel)) out2.add(rel.split(path2.sep).join("/"));
  return [...out2].filter((p2) => p2 !== "" && p2 !== ".");
}
async function checkFiles(input) {
  const { serialization: ser } = input;
  const failures = [];
  const ignores = effectiveIgnores(input.model, input.signaturePath, ser.ignore_paths, input.ignorePaths);
  const pre = input.listing || !input.source ? void 0 : await input.source(sourceRequest(input, ignores));
  const listing = input.listing ?? pre?.listing ?? await enumerateModel(input.model, { ignorePaths: ignores, allowSymlinks: ser.allow_symlinks });
  const onDisk = new Map(listing.files.map((f2) => [f2.name, f2]));
  const byFile = /* @__PURE__ */ new Map();
  for (const r of input.resources) {
    let p2;
    let start = 0;
    let end = -1;
    if (ser.method === "shards") {
      const s3 = parseShardName(r.name);
      if (!s3) {
        failures.push({ code: "UNSAFE_NAME", path: r.name, message: 'shard resource name is not "path:start:end"' });
        continue;
      }
      ({ path: p2, start, end } = s3);
    } else {
      p2 = r.name;
    }
    if (listing.isFile) {
      const only = listing.files[0];
      if (p2 === "." || p2 === only.name) p2 = only.name;
    } else if (p2 !== "." || ser.method !== "files") {
      const why = unsafeNameReason(p2);
      if (why) {
        failures.push({ code: "UNSAFE_NAME", path: p2, message: `unsafe resource name in signature: ${why}` });
        continue;
      }
    }
    const list = byFile.get(p2) ?? [];
    list.push({ resource: r, start, end });
    byFile.set(p2, list);
  }
  for (const p2 of listing.problems) {
    if (input.ignoreUnsignedFiles && p2.path !== void 0 && !byFile.has(p2.path)) continue;
    failures.push(p2);
  }
  const tasks = [];
  const taskRanges = [];
  for (const [name, ranges] of byFile) {
    let f2 = onDisk.get(name);
    if (!f2) {
      if (listing.isFile || !isIgnored(name, ignores)) {
        if (!listing.problems.some((x) => x.path === name)) failures.push({ code: "FILE_MISSING", path: name, message: "signed file is missing" });
        continue;
      }
      const found = await statInside(listing.root, name, ser.allow_symlinks);
      if ("code" in found) {
        failures.push(found);
        continue;
      }
      f2 = found;
    }
    if (ser.method === "files") {
      if (ranges.length !== 1) continue;
      ranges[0].end = f2.size;
    } else {
      ranges.sort((a, b2) => a.start - b2.start);
      let pos = 0;
      let ok = true;
      for (const r of ranges) {
        if (r.start !== pos) ok = false;
        pos = r.end;
      }
      if (!ok || pos !== f2.size) {
        failures.push({ code: "FILE_CHANGED", path: name, message: `file size ${f2.size} does not match the signed shards` });
        continue;
      }
    }
    for (const r of ranges) {
      tasks.push({ abs: f2.abs, start: r.start, end: r.end, expectSize: f2.size, followLink: f2.viaLink });
      taskRanges.push({ file: name, range: r });
    }
  }
  if (!input.ignoreUnsignedFiles) {
    for (const f2 of listing.files) {
      if (!byFile.has(f2.name)) failures.push({ code: "FILE_UNEXPECTED", path: f2.name, message: "file is not in the signature" });
    }
  }
  const alg = ser.hash_type;
  await prepareAlgorithm(alg);
  const outcomes = pre ? taskRanges.map(({ file, range }) => lookupRange(pre.hashed, file, range.start, range.end)) : await hashTasks(tasks, alg, input.engine);
  const changed = /* @__PURE__ */ new Set();
  let bytesHashed = 0;
  outcomes.forEach((o, i) => {
    const { file, range } = taskRanges[i];
    bytesHashed += range.end - range.start;
    if (changed.has(file)) return;
    if (!o.ok) {
      changed.add(file);
      failures.push({ code: o.code, path: file, message: o.message });
    } else if (o.digest !== range.resource.digest) {
      changed.add(file);
      failures.push({ code: "FILE_CHANGED", path: file, message: "file content does not match the signature" });
    }
  });
  return { failures, filesChecked: byFile.size, bytesHashed };
}
function sourceRequest(input, ignorePaths) {
  const ser = input.serialization;
  const signed = /* @__PURE__ */ new Map();
  for (const r of input.resources) {
    const s3 = ser.method === "shards" ? parseShardName(r.name) : { path: r.name, start: 0, end: -1 };
    if (!s3) continue;
    const list = signed.get(s3.path) ?? [];
    list.push([s3.start, s3.end]);
    signed.set(s3.path, list);
  }
  return {
    alg: ser.hash_type,
    allowSymlinks: ser.allow_symlinks,
    ignorePaths,
    signedPaths: new Set(signed.keys()),
    ...input.engine?.onProgress ? { onProgress: input.engine.onProgress } : {},
    ranges: (name, size) => {
      const list = signed.get(name);
      if (!list || ser.method === "files") return plannedRanges("files", void 0, size);
      return list;
    }
  };
}
var init_files = __esm({
  "src/verify/files.ts"() {
    "use strict";
    init_algorithms2();
    init_engine();
    init_enumerate();
    init_paths();
    init_source();
  }
});

// src/util/one-line.ts
function clean3(text, max = 200) {
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, "?");
  return flat.length > max ? `${flat.slice(0, max)}\u2026` : flat;
}
var init_one_line = __esm({
  "src/util/one-line.ts"() {
    "use strict";
  }
});

// src/scan/npy.ts
async function readNpyHeader(src) {
  if (!await src.ensure(10)) return { ok: false, problem: "file is too short for a .npy header" };
  const head = src.take(8);
  if (!head.subarray(0, 6).equals(NPY_MAGIC)) return { ok: false, problem: "missing the \\x93NUMPY magic" };
  const major = head[6];
  if (major < 1 || major > 3) return { ok: false, problem: `unsupported .npy version ${major}` };
  const len = major === 1 ? (await src.read(2)).readUInt16LE(0) : (await src.read(4)).readUInt32LE(0);
  if (len > 1 << 20) return { ok: false, problem: `header length ${len} is implausibly large` };
  if (!await src.ensure(len)) return { ok: false, problem: "header runs past the end of the file" };
  const header = src.take(len).toString(major === 3 ? "utf8" : "latin1");
  if (!/'descr'\s*:/.test(header)) return { ok: false, problem: "header has no descr" };
  const objectDtype = /['"][|<>=]?O\d*['"]/.test(header) || /object/.test(header);
  return { ok: true, objectDtype, header: header.trim() };
}
var NPY_MAGIC;
var init_npy = __esm({
  "src/scan/npy.ts"() {
    "use strict";
    NPY_MAGIC = Buffer.from([147, 78, 85, 77, 80, 89]);
  }
});

// src/scan/detect.ts
function ext(name) {
  const base = name.slice(name.lastIndexOf("/") + 1).toLowerCase();
  const i = base.lastIndexOf(".");
  return i <= 0 ? "" : base.slice(i);
}
function looksLikeOldPickle(head) {
  const t = head.toString("latin1");
  return /^\(?[ci][A-Za-z_][\w.]*\n[A-Za-z_][\w.]*\n[(pq)N}\]SVIFKJMXUR.\x85\x86\x87]/.test(t) || /^\((?:dp\d+\n|lp\d+\n|t[.Rp])/.test(t) || /^[}\]](?:q\x00|\(|\.)/.test(t);
}
function sniff(head, name) {
  if (head.length >= 4 && head[0] === 80 && head[1] === 75 && (head[2] === 3 && head[3] === 4 || head[2] === 5 && head[3] === 6)) return "zip";
  if (head.length >= 6 && head.subarray(0, 6).equals(NPY_MAGIC)) return "npy";
  if (head.length >= 4 && head.toString("latin1", 0, 4) === "GGUF") return "gguf";
  if (head.length >= 9 && head[8] === 123 && head.readBigUInt64LE(0) < 100000000n) return "safetensors";
  if (head.length >= 2 && head[0] === 128 && head[1] <= 5) return "pickle";
  const e = ext(name);
  if (looksLikeOldPickle(head)) return "pickle";
  if (e === ".safetensors") return "safetensors";
  if (e === ".gguf") return "gguf";
  if (e === ".npy") return "npy";
  if (e === ".npz" || e === ".zip") return "zip";
  if (e !== ".bin" && PICKLE_EXTENSIONS.includes(e)) return "pickle";
  return "unknown";
}
function memberWorthScanning(name) {
  const e = ext(name);
  return PICKLE_EXTENSIONS.includes(e) || e === ".npy" || e === ".safetensors" || e === ".gguf";
}
var PICKLE_EXTENSIONS, SNIFF_BYTES;
var init_detect = __esm({
  "src/scan/detect.ts"() {
    "use strict";
    init_npy();
    PICKLE_EXTENSIONS = [".pkl", ".pickle", ".bin", ".pt", ".pth", ".ckpt", ".joblib"];
    SNIFF_BYTES = 64;
  }
});

// src/scan/source.ts
import { createReadStream } from "node:fs";
var Truncated, ByteSource;
var init_source2 = __esm({
  "src/scan/source.ts"() {
    "use strict";
    Truncated = class extends Error {
      constructor(at2) {
        super(`unexpected end of data at offset ${at2}`);
        this.at = at2;
      }
    };
    ByteSource = class _ByteSource {
      constructor(it2, size) {
        this.it = it2;
        this.size = size;
      }
      buf = Buffer.alloc(0);
      off = 0;
      done = false;
      /** Absolute offset of the next unread byte. */
      pos = 0;
      static fromFile(file, start = 0, end) {
        if (end !== void 0 && end <= start) return _ByteSource.fromBuffer(Buffer.alloc(0));
        const s3 = createReadStream(file, { start, ...end !== void 0 ? { end: end - 1 } : {}, highWaterMark: 1 << 20 });
        const src = new _ByteSource(s3[Symbol.asyncIterator](), end !== void 0 ? end - start : void 0);
        src.pos = 0;
        return src;
      }
      static fromBuffer(b2) {
        const src = new _ByteSource((async function* () {
        })(), b2.length);
        src.buf = b2;
        src.done = true;
        return src;
      }
      static fromIterable(it2, size) {
        return new _ByteSource(it2[Symbol.asyncIterator](), size);
      }
      get buffered() {
        return this.buf.length - this.off;
      }
      static toBuf(v2) {
        return typeof v2 === "string" ? Buffer.from(v2, "latin1") : Buffer.isBuffer(v2) ? v2 : Buffer.from(v2.buffer, v2.byteOffset, v2.byteLength);
      }
      /** Buffer at least n bytes; false when the data ends first. */
      async ensure(n) {
        if (this.buffered >= n) return true;
        const parts = [this.buf.subarray(this.off)];
        let have = parts[0].length;
        while (have < n && !this.done) {
          const r = await this.it.next();
          if (r.done) {
            this.done = true;
            break;
          }
          const b2 = _ByteSource.toBuf(r.value);
          parts.push(b2);
          have += b2.length;
        }
        this.buf = parts.length === 1 ? parts[0] : Buffer.concat(parts, have);
        this.off = 0;
        return have >= n;
      }
      /** Only after ensure(n). */
      u8() {
        this.pos++;
        return this.buf[this.off++];
      }
      /** Only after ensure(n); the returned view is valid until the next read. */
      take(n) {
        const b2 = this.buf.subarray(this.off, this.off + n);
        this.off += n;
        this.pos += n;
        return b2;
      }
      peek(n) {
        return this.buf.subarray(this.off, this.off + n);
      }
      async read(n) {
        if (!await this.ensure(n)) throw new Truncated(this.pos + this.buffered);
        return this.take(n);
      }
      /** Drop n bytes (streamed past, never buffered whole). */
      async skip(n) {
        while (n > 0) {
          if (this.buffered === 0 && !await this.ensure(1)) throw new Truncated(this.pos);
          const k2 = Math.min(n, this.buffered);
          this.off += k2;
          this.pos += k2;
          n -= k2;
        }
      }
      /** Read the rest and return how many bytes there were. */
      async drain() {
        let n = 0;
        for (; ; ) {
          if (this.buffered === 0 && !await this.ensure(1)) return n;
          n += this.buffered;
          this.pos += this.buffered;
          this.off = this.buf.length;
        }
      }
      /** A line ending in "\n" (without it), at most max bytes; undefined if longer. */
      async line(max) {
        let scanned = 0;
        for (; ; ) {
          const idx = this.buf.indexOf(10, this.off + scanned);
          if (idx >= 0 && idx - this.off <= max) {
            const b2 = this.buf.subarray(this.off, idx);
            const n = idx - this.off + 1;
            this.off += n;
            this.pos += n;
            return b2;
          }
          if (idx >= 0 || this.buffered > max) return void 0;
          scanned = this.buffered;
          if (!await this.ensure(this.buffered + 1)) throw new Truncated(this.pos + this.buffered);
        }
      }
      async atEnd() {
        return !await this.ensure(1);
      }
      async close() {
        this.done = true;
        try {
          await this.it.return?.();
        } catch {
        }
      }
    };
  }
});

// src/scan/gguf.ts
async function checkGguf(src, size, file, limits, member) {
  const findings = [];
  const add = (code, message, severity = "high") => findings.push({ code, severity, file, ...member !== void 0 ? { member } : {}, message });
  const left = () => size - src.pos;
  const u323 = async () => (await src.read(4)).readUInt32LE(0);
  const u64 = async (what) => {
    const v2 = (await src.read(8)).readBigUInt64LE(0);
    if (v2 > BigInt(Number.MAX_SAFE_INTEGER)) throw new Bad(`${what} ${v2} is impossibly large`);
    return Number(v2);
  };
  let version = 0;
  const count = async (what) => version === 1 ? u323() : u64(what);
  const string = async (what, keep) => {
    const n = await count(`${what} length`);
    if (n > limits.maxGgufString) throw new Bad(`${what} length ${n} exceeds the ${limits.maxGgufString}-byte limit`);
    if (n > left()) throw new Bad(`${what} length ${n} runs past the end of the file`);
    if (!keep) {
      await src.skip(n);
      return void 0;
    }
    return (await src.read(n)).toString("utf8");
  };
  try {
    if (size < 8 || !await src.ensure(4) || src.peek(4).toString("latin1") !== "GGUF") {
      const got = await src.ensure(4) ? JSON.stringify(src.peek(4).toString("latin1")) : "too few bytes";
      add("GGUF_BAD_MAGIC", `not a GGUF file: magic is ${got}, expected "GGUF"`);
      return findings;
    }
    await src.skip(4);
    version = await u323();
    if (version < 1 || version > 3) {
      add("GGUF_VERSION", `unsupported GGUF version ${version} (known: 1-3)`);
      return findings;
    }
    const tensors = await count("tensor count");
    const kvs = await count("key/value count");
    if (tensors > limits.maxGgufCount) throw new Bad(`tensor count ${tensors} exceeds the limit of ${limits.maxGgufCount}`);
    if (kvs > limits.maxGgufCount) throw new Bad(`key/value count ${kvs} exceeds the limit of ${limits.maxGgufCount}`);
    if (kvs * 12 + tensors * 24 > left()) throw new Bad(`${tensors} tensors and ${kvs} key/values cannot fit in ${size} bytes`);
    let alignment = 32;
    const value = async (type, key, depth) => {
      const w2 = FIXED[type];
      if (w2 !== void 0) {
        if (key === "general.alignment" && type === 4) {
          alignment = await u323();
          return;
        }
        await src.read(w2);
        return;
      }
      if (type === GGUF_STRING) {
        await string(`value of ${key}`, false);
        return;
      }
      if (type === GGUF_ARRAY) {
        if (depth > 2) throw new Bad(`array nesting too deep in ${key}`);
        const et2 = await u323();
        const n = await count(`array length of ${key}`);
        if (n > limits.maxGgufArray) throw new Bad(`array ${key} has ${n} elements, more than the limit of ${limits.maxGgufArray}`);
        const ew = FIXED[et2];
        if (ew !== void 0) {
          if (n * ew > left()) throw new Bad(`array ${key} (${n} x ${ew} bytes) runs past the end of the file`);
          await src.skip(n * ew);
          return;
        }
        if (et2 !== GGUF_STRING && et2 !== GGUF_ARRAY) throw new Bad(`array ${key} has unknown element type ${et2}`);
        if (n * 8 > left()) throw new Bad(`array ${key} of ${n} elements runs past the end of the file`);
        if (et2 === GGUF_ARRAY) {
          for (let i = 0; i < n; i++) await value(et2, key, depth + 1);
          return;
        }
        const lenBytes = version === 1 ? 4 : 8;
        for (let i = 0; i < n; i++) {
          if (src.buffered < lenBytes && !await src.ensure(lenBytes)) throw new Truncated(src.pos + src.buffered);
          const b2 = src.take(lenBytes);
          const len = lenBytes === 4 ? b2.readUInt32LE(0) : Number(b2.readBigUInt64LE(0));
          if (len > limits.maxGgufString) throw new Bad(`string ${i} of array ${key} is ${len} bytes, over the ${limits.maxGgufString}-byte limit`);
          if (len > left()) throw new Bad(`string ${i} of array ${key} runs past the end of the file`);
          if (src.buffered >= len) src.take(len);
          else await src.skip(len);
        }
        return;
      }
      throw new Bad(`key ${key} has unknown value type ${type}`);
    };
    for (let i = 0; i < kvs; i++) {
      const key = await string(`key ${i}`, true);
      const type = await u323();
      await value(type, JSON.stringify(key.slice(0, 120)), 0);
    }
    if (alignment === 0 || (alignment & alignment - 1) !== 0) throw new Bad(`general.alignment ${alignment} is not a power of two`);
    const infos = [];
    for (let i = 0; i < tensors; i++) {
      const name = await string(`tensor ${i} name`, true);
      const dims = await u323();
      if (dims > MAX_DIMS) throw new Bad(`tensor ${JSON.stringify(name.slice(0, 120))} has ${dims} dimensions (at most ${MAX_DIMS})`);
      let elems = 1n;
      for (let d = 0; d < dims; d++) elems *= BigInt(await u64("dimension"));
      const type = await u323();
      const offset = await u64("tensor offset");
      const block = GGML_BLOCKS[type];
      let bytes;
      if (block) {
        if (elems % BigInt(block[0]) !== 0n) throw new Bad(`tensor ${JSON.stringify(name.slice(0, 120))} has ${elems} elements, not a multiple of its type's block of ${block[0]}`);
        const b2 = elems / BigInt(block[0]) * BigInt(block[1]);
        if (b2 > BigInt(size)) throw new Bad(`tensor ${JSON.stringify(name.slice(0, 120))} needs ${b2} bytes, more than the whole file`);
        bytes = Number(b2);
      } else if (type > 63) {
        add("GGUF_TENSOR", `tensor ${JSON.stringify(name.slice(0, 120))} has unknown type ${type}`, "medium");
      }
      infos.push({ name, offset, bytes });
    }
    const dataStart = Math.ceil(src.pos / alignment) * alignment;
    const dataLen = size - dataStart;
    if (tensors > 0 && dataLen < 0) throw new Bad("tensor data would start past the end of the file");
    for (const t of infos) {
      const shown = JSON.stringify(t.name.slice(0, 120));
      if (t.offset % alignment !== 0) add("GGUF_TENSOR", `tensor ${shown} offset ${t.offset} is not aligned to ${alignment}`);
      if (t.offset + (t.bytes ?? 0) > dataLen) add("GGUF_TENSOR", `tensor ${shown} (offset ${t.offset}${t.bytes !== void 0 ? `, ${t.bytes} bytes` : ""}) lies outside the ${dataLen} data bytes`);
    }
    infos.sort((a, b2) => a.offset - b2.offset);
    for (let i = 1; i < infos.length; i++) {
      const p2 = infos[i - 1];
      if (p2.bytes !== void 0 && p2.offset + p2.bytes > infos[i].offset) add("GGUF_TENSOR", `tensors ${JSON.stringify(p2.name.slice(0, 120))} and ${JSON.stringify(infos[i].name.slice(0, 120))} overlap`);
    }
  } catch (e) {
    if (e instanceof Bad) add("GGUF_MALFORMED", e.message);
    else if (e instanceof Truncated) add("GGUF_MALFORMED", `file ends inside the GGUF header (${e.message})`);
    else throw e;
  }
  return findings;
}
var FIXED, GGUF_STRING, GGUF_ARRAY, MAX_DIMS, GGML_BLOCKS, Bad;
var init_gguf = __esm({
  "src/scan/gguf.ts"() {
    "use strict";
    init_source2();
    FIXED = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 };
    GGUF_STRING = 8;
    GGUF_ARRAY = 9;
    MAX_DIMS = 4;
    GGML_BLOCKS = {
      0: [1, 4],
      1: [1, 2],
      2: [32, 18],
      3: [32, 20],
      6: [32, 22],
      7: [32, 24],
      8: [32, 34],
      9: [32, 36],
      10: [256, 84],
      11: [256, 110],
      12: [256, 144],
      13: [256, 176],
      14: [256, 210],
      15: [256, 292],
      24: [1, 1],
      25: [1, 2],
      26: [1, 4],
      27: [1, 8],
      28: [1, 8],
      30: [1, 2]
    };
    Bad = class extends Error {
    };
  }
});

// src/scan/globals.ts
function canonicalModule(module) {
  const first = module.split(".")[0];
  const mapped = PY2_MODULES[first];
  return mapped === void 0 ? module : mapped + module.slice(first.length);
}
function underPrefix(full, prefix) {
  return full === prefix || full.startsWith(`${prefix}.`);
}
function classifyGlobal(module, name) {
  const mod = canonicalModule(module);
  const full = `${mod}.${name}`;
  if (ALLOWED.has(full) || TORCH_STORAGE.test(full) || NUMPY_DTYPE_CLASS.test(full)) return { verdict: "allowed" };
  for (const m2 of DANGEROUS_MODULES) if (underPrefix(full, m2)) return { verdict: "dangerous", why: `${m2} is on the deny-list` };
  const segs = full.split(".");
  if (segs[0] === "builtins" && segs.length >= 2 && DANGEROUS_BUILTINS.has(segs[1])) return { verdict: "dangerous", why: `builtin ${segs[1]} can run code or reach any object` };
  for (const s3 of segs.slice(1)) {
    if (DANGEROUS_SEGMENTS.has(s3)) return { verdict: "dangerous", why: `reaches "${s3}" through attribute lookup` };
    if (/^__.*__$/.test(s3)) return { verdict: "dangerous", why: `reaches the dunder attribute ${s3}` };
  }
  if (name === "" || module === "" || !/^[A-Za-z_][A-Za-z0-9_.]*$/.test(module) || !/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name)) {
    return { verdict: "dangerous", why: "not a valid Python name" };
  }
  return { verdict: "unknown" };
}
var PY2_MODULES, TORCH_REBUILD, TORCH_DTYPES, ALLOWED, TORCH_STORAGE, NUMPY_DTYPE_CLASS, DANGEROUS_MODULES, DANGEROUS_BUILTINS, DANGEROUS_SEGMENTS;
var init_globals = __esm({
  "src/scan/globals.ts"() {
    "use strict";
    PY2_MODULES = { __builtin__: "builtins", copy_reg: "copyreg", exceptions: "builtins" };
    TORCH_REBUILD = [
      "_rebuild_tensor",
      "_rebuild_tensor_v2",
      "_rebuild_tensor_v3",
      "_rebuild_parameter",
      "_rebuild_parameter_with_state",
      "_rebuild_sparse_tensor",
      "_rebuild_sparse_csr_tensor",
      "_rebuild_qtensor",
      "_rebuild_nested_tensor",
      "_rebuild_device_tensor_from_numpy",
      "_rebuild_meta_tensor_no_storage",
      "_rebuild_device_tensor_from_cpu_tensor"
    ];
    TORCH_DTYPES = [
      "float16",
      "float32",
      "float64",
      "bfloat16",
      "half",
      "float",
      "double",
      "complex32",
      "complex64",
      "complex128",
      "cfloat",
      "cdouble",
      "uint8",
      "uint16",
      "uint32",
      "uint64",
      "int8",
      "int16",
      "int32",
      "int64",
      "short",
      "int",
      "long",
      "bool",
      "float8_e4m3fn",
      "float8_e5m2",
      "float8_e4m3fnuz",
      "float8_e5m2fnuz",
      "qint8",
      "quint8",
      "qint32",
      "quint4x2",
      "contiguous_format",
      "channels_last",
      "channels_last_3d",
      "preserve_format"
    ];
    ALLOWED = /* @__PURE__ */ new Set([
      ...TORCH_REBUILD.map((n) => `torch._utils.${n}`),
      ...TORCH_DTYPES.map((n) => `torch.${n}`),
      "torch.Size",
      "torch.device",
      "torch.Tensor",
      "torch.nn.parameter.Parameter",
      "torch._tensor._rebuild_from_type_v2",
      "torch.serialization._get_layout",
      "torch.sparse_coo",
      "torch.strided",
      // TorchScript archives rebuild lists and tensors with these.
      "torch.jit._pickle.build_intlist",
      "torch.jit._pickle.build_doublelist",
      "torch.jit._pickle.build_boollist",
      "torch.jit._pickle.build_tensorlist",
      "torch.jit._pickle.build_tensor_from_id",
      "torch.jit._pickle.restore_type_tag",
      "collections.OrderedDict",
      "builtins.set",
      "builtins.frozenset",
      "builtins.dict",
      "builtins.list",
      "builtins.tuple",
      "builtins.bytearray",
      "builtins.bytes",
      "builtins.str",
      "builtins.int",
      "builtins.float",
      "builtins.complex",
      "builtins.bool",
      "builtins.slice",
      "builtins.object",
      "_codecs.encode",
      // protocol 2 writes bytes as _codecs.encode(str, "latin1")
      "copyreg._reconstructor",
      // protocol 0/1 object rebuild; the class it builds is checked on its own
      "numpy.core.multiarray._reconstruct",
      "numpy._core.multiarray._reconstruct",
      "numpy.core.multiarray.scalar",
      "numpy._core.multiarray.scalar",
      "numpy.core.numeric._frombuffer",
      "numpy._core.numeric._frombuffer",
      "numpy.dtype",
      "numpy.ndarray",
      "joblib.numpy_pickle.NumpyArrayWrapper",
      "sklearn.externals.joblib.numpy_pickle.NumpyArrayWrapper"
    ]);
    TORCH_STORAGE = /^torch\.(?:cuda\.)?[A-Za-z0-9]*Storage$/;
    NUMPY_DTYPE_CLASS = /^numpy\.dtypes\.[A-Za-z0-9]+DType$/;
    DANGEROUS_MODULES = [
      "os",
      "posix",
      "nt",
      "posixpath",
      "ntpath",
      "subprocess",
      "pty",
      "sys",
      "socket",
      "ssl",
      "shutil",
      "runpy",
      "importlib",
      "imp",
      "pkgutil",
      "zipimport",
      "pickle",
      "_pickle",
      "cPickle",
      "pickletools",
      "marshal",
      "dill",
      "cloudpickle",
      "joblib.load",
      "shelve",
      "types",
      "code",
      "codeop",
      "ctypes",
      "_ctypes",
      "cffi",
      "multiprocessing",
      "concurrent",
      "threading",
      "_thread",
      "asyncio",
      "signal",
      "resource",
      "webbrowser",
      "requests",
      "urllib",
      "urllib2",
      "urllib3",
      "httplib",
      "http",
      "httpx",
      "aiohttp",
      "ftplib",
      "smtplib",
      "telnetlib",
      "poplib",
      "imaplib",
      "xmlrpc",
      "socketserver",
      "commands",
      "pdb",
      "bdb",
      "timeit",
      "cProfile",
      "profile",
      "trace",
      "doctest",
      "io",
      "_io",
      "tempfile",
      "glob",
      "fileinput",
      "pathlib",
      "sqlite3",
      "builtins.eval",
      "operator.attrgetter",
      "operator.methodcaller",
      "gc",
      "inspect",
      "site",
      "sysconfig",
      "venv",
      "ensurepip",
      "pip",
      "setuptools",
      "distutils",
      "platform",
      "uuid._popen",
      "torch.hub",
      "torch.load",
      "torch.storage._load_from_bytes",
      "torch.serialization.load",
      "torch.jit.load",
      "torch.jit._load_for_lite_interpreter",
      "torch._dynamo",
      "torch.utils.cpp_extension",
      "numpy.load",
      "numpy.testing",
      "numpy.f2py",
      "numpy.distutils",
      "numpy.ctypeslib",
      "pandas.read_pickle",
      "keras.models",
      "tensorflow.io",
      "bz2",
      "lzma",
      "gzip",
      "zipfile",
      "tarfile",
      "mmap",
      "fcntl",
      "termios",
      "tty",
      "pwd",
      "grp",
      "crypt",
      "spwd",
      "syslog",
      "select"
    ];
    DANGEROUS_BUILTINS = /* @__PURE__ */ new Set([
      "eval",
      "exec",
      "execfile",
      "compile",
      "open",
      "file",
      "getattr",
      "setattr",
      "delattr",
      "hasattr",
      "__import__",
      "globals",
      "locals",
      "vars",
      "input",
      "raw_input",
      "breakpoint",
      "apply",
      "reload",
      "help",
      "memoryview",
      "exit",
      "quit"
    ]);
    DANGEROUS_SEGMENTS = /* @__PURE__ */ new Set([
      "os",
      "posix",
      "nt",
      "subprocess",
      "sys",
      "socket",
      "shutil",
      "runpy",
      "importlib",
      "pickle",
      "marshal",
      "builtins",
      "__builtin__",
      "__builtins__",
      "system",
      "popen",
      "spawn",
      "execv",
      "execve",
      "execl",
      "execvp",
      "fork",
      "eval",
      "exec",
      "compile",
      "getattr",
      "setattr",
      "__import__",
      "import_module",
      "load",
      "loads",
      "open"
    ]);
  }
});

// src/scan/pickle.ts
import { isUtf8 } from "node:buffer";
function describe(v2) {
  if (v2 === void 0) return "nothing (empty stack)";
  switch (v2.k) {
    case "mark":
      return "a MARK";
    case "str":
      return JSON.stringify(v2.s.slice(0, 80));
    case "global":
      return `the global ${v2.g.module}.${v2.g.name}`;
    case "obj":
      return `an object made by ${v2.g.module}.${v2.g.name}`;
    default:
      return `a ${v2.what}`;
  }
}
function decodeQuoted(line) {
  const t = line.toString("latin1");
  if (t.length < 2 || t[0] !== "'" && t[0] !== '"' || t[t.length - 1] !== t[0]) return void 0;
  const body = t.slice(1, -1);
  if (!body.includes("\\")) return body;
  let out2 = "";
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== "\\") {
      out2 += c;
      continue;
    }
    const e = body[++i];
    if (e === void 0) return void 0;
    const simple = { n: "\n", t: "	", r: "\r", "\\": "\\", "'": "'", '"': '"', a: "\x07", b: "\b", f: "\f", v: "\v", "\n": "" };
    if (simple[e] !== void 0) out2 += simple[e];
    else if (e === "x" && /^[0-9a-fA-F]{2}$/.test(body.slice(i + 1, i + 3))) {
      out2 += String.fromCharCode(parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (/[0-7]/.test(e)) {
      const m2 = /^[0-7]{1,3}/.exec(body.slice(i))[0];
      out2 += String.fromCharCode(parseInt(m2, 8) & 255);
      i += m2.length - 1;
    } else out2 += `\\${e}`;
  }
  return out2;
}
function decodeRawUnicode(line) {
  const t = line.toString("latin1");
  let out2 = "";
  for (let i = 0; i < t.length; i++) {
    if (t[i] === "\\" && (t[i + 1] === "u" || t[i + 1] === "U")) {
      const n = t[i + 1] === "u" ? 4 : 8;
      const hex = t.slice(i + 2, i + 2 + n);
      if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) return void 0;
      const cp = parseInt(hex, 16);
      if (cp > 1114111) return void 0;
      out2 += String.fromCodePoint(cp);
      i += 1 + n;
    } else out2 += t[i];
  }
  return out2;
}
function utf8(b2) {
  if (!isUtf8(b2)) throw new Malformed("string is not valid UTF-8");
  return b2.toString("utf8");
}
async function walkPickles(src, opts) {
  const { limits } = opts;
  const imports = /* @__PURE__ */ new Map();
  const findings = [];
  const base = { file: opts.file, ...opts.member !== void 0 ? { member: opts.member } : {} };
  const add = (severity, code, message, offset, global) => {
    findings.push({ ...base, code, severity, message, ...offset !== void 0 ? { offset } : {}, ...global !== void 0 ? { global } : {} });
  };
  let opcodes = 0;
  let pickles = 0;
  let stringBytes = 0;
  let legacyTorch = false;
  const interned = /* @__PURE__ */ new Map();
  const globalOf = (module, name) => {
    const k2 = `${module}
${name}`;
    let g2 = interned.get(k2);
    if (!g2) {
      if (interned.size >= limits.maxImports) throw new LimitHit(`more than ${limits.maxImports} distinct imported globals`);
      g2 = { module, name };
      interned.set(k2, g2);
    }
    return g2;
  };
  const record = (g2, via, use) => {
    const key = g2;
    let imp = imports.get(key);
    if (!imp) {
      imp = { module: g2.module, name: g2.name, via: [], usedBy: [], verdict: classifyGlobal(g2.module, g2.name).verdict, ...opts.member !== void 0 ? { member: opts.member } : {} };
      imports.set(key, imp);
    }
    if (via && !imp.via.includes(via)) imp.via.push(via);
    if (use && !imp.usedBy.includes(use)) imp.usedBy.push(use);
  };
  const used = (v2, use) => {
    if (v2 && (v2.k === "global" || v2.k === "obj")) record(v2.g, void 0, use);
  };
  const str2 = (b2, enc) => {
    if (b2.length > MAX_KEPT_STRING || stringBytes + b2.length > limits.maxStringBytes) return LONGSTR;
    stringBytes += b2.length;
    if (enc === "latin1") return { k: "str", s: b2.toString("latin1") };
    return { k: "str", s: utf8(b2) };
  };
  const walkOne = async () => {
    const stack = [];
    const marks = [];
    const memo = /* @__PURE__ */ new Map();
    const push = (v2) => {
      if (stack.length >= limits.maxStack) throw new LimitHit(`stack deeper than ${limits.maxStack}`);
      stack.push(v2);
    };
    const pop = () => {
      if (stack.length === 0 || marks.length > 0 && stack.length <= marks[marks.length - 1]) throw new Malformed("pop from an empty stack");
      return stack.pop();
    };
    const popMark = () => {
      const m2 = marks.pop();
      if (m2 === void 0) throw new Malformed("no MARK to pop to");
      return stack.splice(m2);
    };
    const top = () => {
      if (stack.length === 0) throw new Malformed("empty stack");
      return stack[stack.length - 1];
    };
    const fixed = (n) => {
      if (src.buffered < n) throw new Truncated(src.pos + src.buffered);
      return src.take(n);
    };
    const size8 = (b2) => {
      const v2 = b2.readBigUInt64LE(0);
      if (v2 > BigInt(Number.MAX_SAFE_INTEGER)) throw new Malformed("length too large");
      return Number(v2);
    };
    const lenStr = async (n, enc) => {
      if (n > MAX_KEPT_STRING) {
        await src.skip(n);
        return LONGSTR;
      }
      if (src.buffered < n) await src.ensure(n);
      return str2(Buffer.from(fixed(n)), enc);
    };
    const skipBytes = async (n) => {
      if (src.buffered >= n) src.take(n);
      else await src.skip(n);
      return BYTES;
    };
    const line = async (what) => {
      const l = await src.line(MAX_LINE);
      if (l === void 0) throw new Malformed(`${what} argument longer than ${MAX_LINE} bytes`);
      return Buffer.from(l);
    };
    const memoPut = (i, v2) => {
      if (!memo.has(i) && memo.size >= limits.maxMemo) throw new LimitHit(`more than ${limits.maxMemo} memo entries`);
      memo.set(i, v2);
    };
    const memoGet = (i) => {
      const v2 = memo.get(i);
      if (v2 === void 0) throw new Malformed(`memo key ${i} was never stored`);
      push(v2);
    };
    const importGlobal = async (via, at2) => {
      const m2 = await src.line(1024);
      const n = m2 === void 0 ? void 0 : await src.line(1024);
      if (m2 === void 0 || n === void 0) throw new Malformed(`${via} name longer than 1024 bytes`);
      if (!isUtf8(m2) || !isUtf8(n)) throw new Malformed(`${via} name is not valid UTF-8`);
      const g2 = globalOf(m2.toString("utf8"), n.toString("utf8"));
      record(g2, via);
      void at2;
      return g2;
    };
    for (; ; ) {
      if (++opcodes > limits.maxOpcodes) throw new LimitHit(`more than ${limits.maxOpcodes} opcodes`);
      if (src.buffered < 16) await src.ensure(16);
      if (src.buffered < 1) throw new Malformed("pickle ends without STOP");
      const at2 = src.pos;
      const op = src.u8();
      switch (op) {
        case 40:
          marks.push(stack.length);
          break;
        case 46:
          pop();
          return;
        case 48:
          if (marks.length > 0 && stack.length === marks[marks.length - 1]) marks.pop();
          else pop();
          break;
        case 49:
          popMark();
          break;
        case 50:
          push(top());
          break;
        case 70:
        case 73:
        case 76:
          await line(NAMES[op]);
          push(OTHER);
          break;
        case 74:
          fixed(4);
          push(OTHER);
          break;
        // BININT
        case 75:
          fixed(1);
          push(OTHER);
          break;
        // BININT1
        case 77:
          fixed(2);
          push(OTHER);
          break;
        // BININT2
        case 71:
          fixed(8);
          push(OTHER);
          break;
        // BINFLOAT
        case 78:
        case 136:
        case 137:
          push(OTHER);
          break;
        // NONE NEWTRUE NEWFALSE
        case 80:
          await line("PERSID");
          push(OTHER);
          break;
        case 81:
          pop();
          push(OTHER);
          break;
        case 82: {
          pop();
          const f2 = pop();
          used(f2, "REDUCE");
          push(f2.k === "global" || f2.k === "obj" ? { k: "obj", g: f2.g } : OTHER);
          break;
        }
        case 83: {
          const l = await line("STRING");
          const s3 = decodeQuoted(l);
          if (s3 === void 0) throw new Malformed("STRING argument is not a quoted string");
          push(str2(Buffer.from(s3, "latin1"), "latin1"));
          break;
        }
        case 84: {
          const n = fixed(4).readInt32LE(0);
          if (n < 0) throw new Malformed("negative BINSTRING length");
          push(await lenStr(n, "latin1"));
          break;
        }
        case 85:
          push(await lenStr(fixed(1)[0], "latin1"));
          break;
        // SHORT_BINSTRING
        case 86: {
          const s3 = decodeRawUnicode(await line("UNICODE"));
          if (s3 === void 0) throw new Malformed("bad UNICODE escape");
          push(s3.length > MAX_KEPT_STRING ? LONGSTR : { k: "str", s: s3 });
          break;
        }
        case 88:
          push(await lenStr(fixed(4).readUInt32LE(0), "utf8"));
          break;
        // BINUNICODE
        case 140:
          push(await lenStr(fixed(1)[0], "utf8"));
          break;
        // SHORT_BINUNICODE
        case 141:
          push(await lenStr(size8(fixed(8)), "utf8"));
          break;
        // BINUNICODE8
        case 66:
          push(await skipBytes(fixed(4).readUInt32LE(0)));
          break;
        // BINBYTES
        case 67:
          push(await skipBytes(fixed(1)[0]));
          break;
        // SHORT_BINBYTES
        case 142:
        case 150:
          push(await skipBytes(size8(fixed(8))));
          break;
        // BINBYTES8 BYTEARRAY8
        case 138: {
          const n = fixed(1)[0];
          if (src.buffered < n) await src.ensure(n);
          const v2 = fixed(n);
          if (pickles === 0 && n === TORCH_MAGIC.length && v2.equals(TORCH_MAGIC)) legacyTorch = true;
          push(OTHER);
          break;
        }
        case 139: {
          const n = fixed(4).readInt32LE(0);
          if (n < 0) throw new Malformed("negative LONG4 length");
          await src.skip(n);
          push(OTHER);
          break;
        }
        case 97:
          pop();
          top();
          break;
        // APPEND
        case 98: {
          pop();
          used(top(), "BUILD");
          break;
        }
        case 99: {
          push({ k: "global", g: await importGlobal("GLOBAL", at2) });
          break;
        }
        case 105: {
          const g2 = await importGlobal("INST", at2);
          popMark();
          record(g2, void 0, "INST");
          push({ k: "obj", g: g2 });
          break;
        }
        case 111: {
          const items = popMark();
          if (items.length === 0) throw new Malformed("OBJ without a class");
          const cls = items[0];
          used(cls, "OBJ");
          push(cls.k === "global" || cls.k === "obj" ? { k: "obj", g: cls.g } : OTHER);
          break;
        }
        case 129: {
          pop();
          const cls = pop();
          used(cls, "NEWOBJ");
          push(cls.k === "global" || cls.k === "obj" ? { k: "obj", g: cls.g } : OTHER);
          break;
        }
        case 146: {
          pop();
          pop();
          const cls = pop();
          used(cls, "NEWOBJ_EX");
          push(cls.k === "global" || cls.k === "obj" ? { k: "obj", g: cls.g } : OTHER);
          break;
        }
        case 147: {
          const name = pop();
          const module = pop();
          if (module.k !== "str" || name.k !== "str") {
            add("critical", "PICKLE_NONSTRING_GLOBAL", `STACK_GLOBAL with operands that are not plain strings (module: ${describe(module)}, name: ${describe(name)}); a scanner cannot tell what it imports`, at2);
            push(OTHER);
            break;
          }
          const g2 = globalOf(module.s, name.s);
          record(g2, "STACK_GLOBAL");
          push({ k: "global", g: g2 });
          break;
        }
        case 100:
        case 108:
        case 116:
        case 145:
          popMark();
          push(OTHER);
          break;
        case 101:
        case 117:
        case 144:
          popMark();
          top();
          break;
        case 125:
        case 93:
        case 41:
        case 143:
          push(OTHER);
          break;
        // EMPTY_DICT EMPTY_LIST EMPTY_TUPLE EMPTY_SET
        case 115:
          pop();
          pop();
          top();
          break;
        // SETITEM
        case 133:
          pop();
          push(OTHER);
          break;
        // TUPLE1
        case 134:
          pop();
          pop();
          push(OTHER);
          break;
        // TUPLE2
        case 135:
          pop();
          pop();
          pop();
          push(OTHER);
          break;
        // TUPLE3
        case 103: {
          const l = (await line("GET")).toString("latin1");
          if (!/^-?\d{1,18}$/.test(l)) throw new Malformed("GET argument is not a number");
          memoGet(Number(l));
          break;
        }
        case 104:
          memoGet(fixed(1)[0]);
          break;
        // BINGET
        case 106:
          memoGet(fixed(4).readUInt32LE(0));
          break;
        // LONG_BINGET
        case 112: {
          const l = (await line("PUT")).toString("latin1");
          if (!/^\d{1,18}$/.test(l)) throw new Malformed("PUT argument is not a number");
          memoPut(Number(l), top());
          break;
        }
        case 113:
          memoPut(fixed(1)[0], top());
          break;
        // BINPUT
        case 114:
          memoPut(fixed(4).readUInt32LE(0), top());
          break;
        // LONG_BINPUT
        case 148:
          memoPut(memo.size, top());
          break;
        // MEMOIZE
        case 128: {
          const p2 = fixed(1)[0];
          if (p2 > 5) throw new Malformed(`unsupported pickle protocol ${p2}`);
          break;
        }
        case 149:
          fixed(8);
          break;
        // FRAME: the framed opcodes follow inline
        case 130:
        case 131:
        case 132: {
          const code = op === 130 ? fixed(1)[0] : op === 131 ? fixed(2).readUInt16LE(0) : fixed(4).readInt32LE(0);
          add("high", "PICKLE_EXTENSION", `${NAMES[op]} imports extension-registry code ${code}, which names a global this scanner cannot see`, at2);
          push(OTHER);
          break;
        }
        case 151:
          push(OTHER);
          break;
        // NEXT_BUFFER (out-of-band data)
        case 152:
          pop();
          push(OTHER);
          break;
        // READONLY_BUFFER
        default:
          throw new Malformed(`unknown opcode 0x${op.toString(16).padStart(2, "0")}`);
      }
    }
  };
  try {
    for (; ; ) {
      await walkOne();
      pickles++;
      if (opts.multiple === false || legacyTorch && pickles >= LEGACY_TORCH_PICKLES) break;
      if (!await src.ensure(2)) break;
      const next = src.peek(2);
      if (next[0] !== 128 || next[1] < 2 || next[1] > 5) break;
      if (pickles >= limits.maxPicklesPerStream) {
        add("high", "SCAN_LIMIT", `more than ${limits.maxPicklesPerStream} pickles in a row; the rest was not scanned`, src.pos);
        break;
      }
    }
  } catch (e) {
    if (e instanceof Malformed) add("high", "PICKLE_MALFORMED", `not a valid pickle: ${e.message} (near offset ${src.pos})`, src.pos);
    else if (e instanceof Truncated) add("high", "PICKLE_MALFORMED", `pickle is truncated: ${e.message}`, e.at);
    else if (e instanceof LimitHit) add("high", "SCAN_LIMIT", `pickle too complex to scan: ${e.message}`, src.pos);
    else throw e;
  }
  const list = [...imports.values()];
  for (const imp of list) {
    if (imp.verdict === "allowed") continue;
    const full = `${imp.module}.${imp.name}`;
    const how = `via ${imp.via.join("/") || "memo"}${imp.usedBy.length ? `, used by ${imp.usedBy.join("/")}` : ""}`;
    if (imp.verdict === "dangerous") {
      const why = classifyGlobal(imp.module, imp.name).why ?? "dangerous";
      add("critical", "PICKLE_DANGEROUS_GLOBAL", `imports ${full} (${why}) ${how}; loading this file can run code`, void 0, full);
    } else {
      add("medium", "PICKLE_UNKNOWN_GLOBAL", `imports ${full}, which is not on the allow-list for weights (${how})`, void 0, full);
    }
  }
  return { imports: list, findings, pickles, opcodes };
}
var OTHER, BYTES, LONGSTR, NAMES, MAX_KEPT_STRING, MAX_LINE, TORCH_MAGIC, LEGACY_TORCH_PICKLES, Malformed, LimitHit;
var init_pickle = __esm({
  "src/scan/pickle.ts"() {
    "use strict";
    init_globals();
    init_source2();
    OTHER = { k: "other", what: "value" };
    BYTES = { k: "other", what: "bytes" };
    LONGSTR = { k: "other", what: "string too long to follow" };
    NAMES = {
      40: "MARK",
      46: "STOP",
      48: "POP",
      49: "POP_MARK",
      50: "DUP",
      70: "FLOAT",
      73: "INT",
      74: "BININT",
      75: "BININT1",
      76: "LONG",
      77: "BININT2",
      78: "NONE",
      80: "PERSID",
      81: "BINPERSID",
      82: "REDUCE",
      83: "STRING",
      84: "BINSTRING",
      85: "SHORT_BINSTRING",
      86: "UNICODE",
      88: "BINUNICODE",
      97: "APPEND",
      98: "BUILD",
      99: "GLOBAL",
      100: "DICT",
      125: "EMPTY_DICT",
      101: "APPENDS",
      103: "GET",
      104: "BINGET",
      105: "INST",
      106: "LONG_BINGET",
      108: "LIST",
      93: "EMPTY_LIST",
      111: "OBJ",
      112: "PUT",
      113: "BINPUT",
      114: "LONG_BINPUT",
      115: "SETITEM",
      116: "TUPLE",
      41: "EMPTY_TUPLE",
      117: "SETITEMS",
      71: "BINFLOAT",
      128: "PROTO",
      129: "NEWOBJ",
      130: "EXT1",
      131: "EXT2",
      132: "EXT4",
      133: "TUPLE1",
      134: "TUPLE2",
      135: "TUPLE3",
      136: "NEWTRUE",
      137: "NEWFALSE",
      138: "LONG1",
      139: "LONG4",
      66: "BINBYTES",
      67: "SHORT_BINBYTES",
      140: "SHORT_BINUNICODE",
      141: "BINUNICODE8",
      142: "BINBYTES8",
      143: "EMPTY_SET",
      144: "ADDITEMS",
      145: "FROZENSET",
      146: "NEWOBJ_EX",
      147: "STACK_GLOBAL",
      148: "MEMOIZE",
      149: "FRAME",
      150: "BYTEARRAY8",
      151: "NEXT_BUFFER",
      152: "READONLY_BUFFER"
    };
    MAX_KEPT_STRING = 1024;
    MAX_LINE = 1 << 20;
    TORCH_MAGIC = Buffer.from([108, 252, 156, 70, 249, 32, 106, 168, 80, 25]);
    LEGACY_TORCH_PICKLES = 5;
    Malformed = class extends Error {
    };
    LimitHit = class extends Error {
    };
  }
});

// src/util/strict-json.ts
function parseStrictJson(text, opts = {}) {
  const maxDepth = opts.maxDepth ?? 64;
  const what = opts.what ?? "JSON";
  const code = opts.code ?? "JSON_MALFORMED";
  let i = 0;
  const fail = (msg) => {
    throw reject(code, `${what} is not valid JSON: ${msg} at offset ${i}`);
  };
  const ws2 = () => {
    for (; ; ) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else return;
    }
  };
  const parseString = () => {
    i++;
    let out2 = "";
    let start = i;
    for (; ; ) {
      if (i >= text.length) fail("unterminated string");
      const c = text.charCodeAt(i);
      if (c === 34) {
        out2 += text.slice(start, i);
        i++;
        return out2;
      }
      if (c < 32) fail("control character in string");
      if (c === 92) {
        out2 += text.slice(start, i);
        const e = text[i + 1];
        i += 2;
        switch (e) {
          case '"':
            out2 += '"';
            break;
          case "\\":
            out2 += "\\";
            break;
          case "/":
            out2 += "/";
            break;
          case "b":
            out2 += "\b";
            break;
          case "f":
            out2 += "\f";
            break;
          case "n":
            out2 += "\n";
            break;
          case "r":
            out2 += "\r";
            break;
          case "t":
            out2 += "	";
            break;
          case "u": {
            const hex = text.slice(i, i + 4);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail("bad \\u escape");
            out2 += String.fromCharCode(parseInt(hex, 16));
            i += 4;
            break;
          }
          default:
            fail("bad escape");
        }
        start = i;
        continue;
      }
      i++;
    }
  };
  const numberRe = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
  const parseValue2 = (depth) => {
    if (depth > maxDepth) fail(`nesting deeper than ${maxDepth}`);
    ws2();
    const c = text[i];
    if (c === "{") {
      i++;
      const obj = /* @__PURE__ */ Object.create(null);
      ws2();
      if (text[i] === "}") {
        i++;
        return obj;
      }
      for (; ; ) {
        ws2();
        if (text[i] !== '"') fail("expected a key");
        const key = parseString();
        if (Object.prototype.hasOwnProperty.call(obj, key)) fail(`duplicate key "${key.slice(0, 80)}"`);
        ws2();
        if (text[i] !== ":") fail('expected ":"');
        i++;
        obj[key] = parseValue2(depth + 1);
        ws2();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          return obj;
        }
        fail('expected "," or "}"');
      }
    }
    if (c === "[") {
      i++;
      const arr = [];
      ws2();
      if (text[i] === "]") {
        i++;
        return arr;
      }
      for (; ; ) {
        arr.push(parseValue2(depth + 1));
        ws2();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") {
          i++;
          return arr;
        }
        fail('expected "," or "]"');
      }
    }
    if (c === '"') return parseString();
    if (text.startsWith("true", i)) {
      i += 4;
      return true;
    }
    if (text.startsWith("false", i)) {
      i += 5;
      return false;
    }
    if (text.startsWith("null", i)) {
      i += 4;
      return null;
    }
    numberRe.lastIndex = i;
    const m2 = numberRe.exec(text);
    if (m2 && m2[0].length > 0) {
      i += m2[0].length;
      return Number(m2[0]);
    }
    return fail("unexpected character");
  };
  const value = parseValue2(0);
  ws2();
  if (i !== text.length) fail("trailing data");
  return value;
}
function isObject(v2) {
  return typeof v2 === "object" && v2 !== null && !Array.isArray(v2);
}
var init_strict_json = __esm({
  "src/util/strict-json.ts"() {
    "use strict";
    init_errors();
  }
});

// src/scan/safetensors.ts
async function checkSafetensors(src, size, file, limits, member) {
  const findings = [];
  const add = (code, message) => findings.push({ code, severity: "high", file, ...member !== void 0 ? { member } : {}, message });
  if (size < 8) {
    add("SAFETENSORS_TRUNCATED", `file is ${size} bytes, too short for the 8-byte header length`);
    return findings;
  }
  const n = (await src.read(8)).readBigUInt64LE(0);
  if (n > BigInt(limits.maxSafetensorsHeader)) {
    add("SAFETENSORS_HEADER_LENGTH", `header length ${n} is larger than the ${limits.maxSafetensorsHeader}-byte limit`);
    return findings;
  }
  const hlen = Number(n);
  if (8 + hlen > size) {
    add("SAFETENSORS_HEADER_LENGTH", `header length ${hlen} points past the end of the ${size}-byte file`);
    return findings;
  }
  if (hlen < 2) {
    add("SAFETENSORS_HEADER_LENGTH", `header length ${hlen} is too small for a JSON object`);
    return findings;
  }
  const raw = await src.read(hlen);
  let text;
  try {
    text = utf82.decode(raw);
  } catch {
    add("SAFETENSORS_HEADER_JSON", "header is not valid UTF-8");
    return findings;
  }
  if (!text.startsWith("{")) {
    add("SAFETENSORS_HEADER_JSON", 'header does not start with "{"');
    return findings;
  }
  let header;
  try {
    header = parseStrictJson(text, { what: "safetensors header", code: "SAFETENSORS_HEADER_JSON", maxDepth: 8 });
  } catch (e) {
    if (e instanceof ModelsignError) {
      add(/duplicate key/.test(e.message) ? "SAFETENSORS_DUPLICATE_KEY" : "SAFETENSORS_HEADER_JSON", e.message);
      return findings;
    }
    throw e;
  }
  if (!isObject(header)) {
    add("SAFETENSORS_HEADER_JSON", "header is not a JSON object");
    return findings;
  }
  const dataLen = size - 8 - hlen;
  const spans = [];
  for (const [name, info2] of Object.entries(header)) {
    const shown = JSON.stringify(name.slice(0, 120));
    if (name === "__metadata__") {
      if (!isObject(info2)) add("SAFETENSORS_METADATA", "__metadata__ is not an object");
      else for (const [k2, v2] of Object.entries(info2)) if (typeof v2 !== "string") add("SAFETENSORS_METADATA", `__metadata__ value ${JSON.stringify(k2.slice(0, 120))} is not a string`);
      continue;
    }
    if (!isObject(info2)) {
      add("SAFETENSORS_TENSOR", `tensor ${shown} is not an object`);
      continue;
    }
    const extra = Object.keys(info2).filter((k2) => k2 !== "dtype" && k2 !== "shape" && k2 !== "data_offsets");
    if (extra.length) add("SAFETENSORS_TENSOR", `tensor ${shown} has unexpected fields: ${extra.slice(0, 5).join(", ")}`);
    const { dtype, shape, data_offsets: offs } = info2;
    if (typeof dtype !== "string" || SAFETENSORS_DTYPE_BITS[dtype] === void 0) {
      add("SAFETENSORS_DTYPE", `tensor ${shown} has unknown dtype ${JSON.stringify(dtype)}`);
      continue;
    }
    if (!Array.isArray(shape) || !shape.every((d) => typeof d === "number" && Number.isSafeInteger(d) && d >= 0)) {
      add("SAFETENSORS_TENSOR", `tensor ${shown} has a shape that is not a list of non-negative integers`);
      continue;
    }
    if (!Array.isArray(offs) || offs.length !== 2 || !offs.every((d) => typeof d === "number" && Number.isSafeInteger(d) && d >= 0) || offs[1] < offs[0]) {
      add("SAFETENSORS_OFFSETS", `tensor ${shown} has data_offsets that are not [begin, end] with begin <= end`);
      continue;
    }
    const [begin, end] = offs;
    const bits = shape.reduce((a, d) => a * BigInt(d), 1n) * BigInt(SAFETENSORS_DTYPE_BITS[dtype]);
    if (bits % 8n !== 0n || bits / 8n !== BigInt(end - begin)) {
      add("SAFETENSORS_SIZE", `tensor ${shown} is ${end - begin} bytes but shape [${shape.join(", ")}] x ${dtype} needs ${bits % 8n === 0n ? `${bits / 8n} bytes` : `${bits} bits (not whole bytes)`}`);
    }
    spans.push({ name, begin, end });
  }
  spans.sort((a, b2) => a.begin - b2.begin || a.end - b2.end);
  let pos = 0;
  let prev;
  for (const s3 of spans) {
    const shown = JSON.stringify(s3.name.slice(0, 120));
    if (s3.begin < pos) add("SAFETENSORS_OFFSETS", `tensor ${shown} [${s3.begin}, ${s3.end}) overlaps tensor ${JSON.stringify((prev ?? "").slice(0, 120))} (which ends at ${pos})`);
    else if (s3.begin > pos) add("SAFETENSORS_OFFSETS", `${s3.begin - pos} bytes at data offset ${pos} belong to no tensor (gap before ${shown})`);
    if (s3.end > pos) {
      pos = s3.end;
      prev = s3.name;
    }
  }
  if (pos > dataLen) add("SAFETENSORS_TRUNCATED", `tensors need ${pos} data bytes but the file has ${dataLen}`);
  else if (pos < dataLen) add("SAFETENSORS_TRAILING_BYTES", `${dataLen - pos} bytes after the last tensor (data ends at ${8 + hlen + pos}, file is ${size} bytes)`);
  return findings;
}
var SAFETENSORS_DTYPE_BITS, utf82;
var init_safetensors = __esm({
  "src/scan/safetensors.ts"() {
    "use strict";
    init_errors();
    init_strict_json();
    SAFETENSORS_DTYPE_BITS = {
      BOOL: 8,
      U8: 8,
      I8: 8,
      F8_E5M2: 8,
      F8_E4M3: 8,
      F8_E8M0: 8,
      I16: 16,
      U16: 16,
      F16: 16,
      BF16: 16,
      I32: 32,
      U32: 32,
      F32: 32,
      I64: 64,
      U64: 64,
      F64: 64,
      C64: 64,
      F4: 4,
      F6_E2M3: 6,
      F6_E3M2: 6
    };
    utf82 = new TextDecoder("utf-8", { fatal: true });
  }
});

// src/scan/zip.ts
import { open as open2 } from "node:fs/promises";
import { createInflateRaw } from "node:zlib";
import { Readable } from "node:stream";
async function readAt(fh, pos, len) {
  const b2 = Buffer.alloc(len);
  const { bytesRead } = await fh.read(b2, 0, len, pos);
  if (bytesRead !== len) throw new ZipError(`unexpected end of file at offset ${pos + bytesRead}`);
  return b2;
}
function big(b2, at2) {
  const v2 = b2.readBigUInt64LE(at2);
  if (v2 > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipError("zip64 field is impossibly large");
  return Number(v2);
}
async function readZipDirectory(file, size, limits) {
  const fh = await open2(file, "r");
  try {
    const problems = [];
    const tailLen = Math.min(size, 22 + 65535);
    const tail = await readAt(fh, size - tailLen, tailLen);
    let at2 = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD && i + 22 + tail.readUInt16LE(i + 20) === tail.length) {
        at2 = i;
        break;
      }
    }
    if (at2 < 0) throw new ZipError("no end-of-central-directory record");
    const eocdPos = size - tailLen + at2;
    let count = tail.readUInt16LE(at2 + 10);
    let cdSize = tail.readUInt32LE(at2 + 12);
    let cdOffset = tail.readUInt32LE(at2 + 16);
    if (count === 65535 || cdSize === 4294967295 || cdOffset === 4294967295) {
      if (eocdPos < 20) throw new ZipError("zip64 locator missing");
      const loc = await readAt(fh, eocdPos - 20, 20);
      if (loc.readUInt32LE(0) !== ZIP64_LOCATOR) throw new ZipError("zip64 locator missing");
      const recPos = big(loc, 8);
      if (recPos + 56 > eocdPos) throw new ZipError("zip64 end record out of range");
      const rec = await readAt(fh, recPos, 56);
      if (rec.readUInt32LE(0) !== ZIP64_EOCD) throw new ZipError("bad zip64 end record");
      count = big(rec, 32);
      cdSize = big(rec, 40);
      cdOffset = big(rec, 48);
    }
    if (count > limits.maxZipEntries) throw new ZipError(`${count} entries, more than the limit of ${limits.maxZipEntries}`);
    if (cdSize > limits.maxZipDirectory) throw new ZipError(`central directory of ${cdSize} bytes exceeds the limit`);
    if (cdOffset + cdSize > eocdPos) throw new ZipError("central directory lies outside the file");
    const cd = await readAt(fh, cdOffset, cdSize);
    const entries = [];
    const seen = /* @__PURE__ */ new Set();
    let p2 = 0;
    for (let i = 0; i < count; i++) {
      if (p2 + 46 > cd.length || cd.readUInt32LE(p2) !== CDH) throw new ZipError(`central directory entry ${i} is malformed`);
      const flags = cd.readUInt16LE(p2 + 8);
      const method = cd.readUInt16LE(p2 + 10);
      let compressedSize = cd.readUInt32LE(p2 + 20);
      let usize = cd.readUInt32LE(p2 + 24);
      const nameLen = cd.readUInt16LE(p2 + 28);
      const extraLen = cd.readUInt16LE(p2 + 30);
      const commentLen = cd.readUInt16LE(p2 + 32);
      let localOffset = cd.readUInt32LE(p2 + 42);
      const end = p2 + 46 + nameLen + extraLen + commentLen;
      if (end > cd.length) throw new ZipError(`central directory entry ${i} runs past the directory`);
      const name = cd.subarray(p2 + 46, p2 + 46 + nameLen).toString(flags & 2048 ? "utf8" : "latin1");
      let x = p2 + 46 + nameLen;
      const xEnd = x + extraLen;
      while (x + 4 <= xEnd) {
        const id2 = cd.readUInt16LE(x);
        const len = cd.readUInt16LE(x + 2);
        if (x + 4 + len > xEnd) break;
        if (id2 === 1) {
          let q2 = x + 4;
          const take = () => {
            if (q2 + 8 > x + 4 + len) throw new ZipError(`zip64 extra field of ${JSON.stringify(name)} is short`);
            const v2 = big(cd, q2);
            q2 += 8;
            return v2;
          };
          if (usize === 4294967295) usize = take();
          if (compressedSize === 4294967295) compressedSize = take();
          if (localOffset === 4294967295) localOffset = take();
        }
        x += 4 + len;
      }
      p2 = end;
      if (seen.has(name)) problems.push(`duplicate entry name ${JSON.stringify(name)} (readers disagree on which one counts)`);
      seen.add(name);
      if (localOffset + 30 > cdOffset) throw new ZipError(`entry ${JSON.stringify(name)} starts outside the data area`);
      const lh = await readAt(fh, localOffset, 30);
      if (lh.readUInt32LE(0) !== LFH) throw new ZipError(`entry ${JSON.stringify(name)} has no local header`);
      const lNameLen = lh.readUInt16LE(26);
      const lExtraLen = lh.readUInt16LE(28);
      const lName = (await readAt(fh, localOffset + 30, lNameLen)).toString(flags & 2048 ? "utf8" : "latin1");
      if (lName !== name) problems.push(`entry ${JSON.stringify(name)} is named ${JSON.stringify(lName)} in its local header`);
      const dataOffset = localOffset + 30 + lNameLen + lExtraLen;
      if (dataOffset + compressedSize > cdOffset) throw new ZipError(`entry ${JSON.stringify(name)} runs past the data area`);
      entries.push({ name, method, compressedSize, size: usize, localOffset, dataOffset, encrypted: (flags & 1) === 1 });
    }
    if (p2 !== cd.length) problems.push(`${cd.length - p2} unexplained bytes in the central directory`);
    return { entries, problems };
  } finally {
    await fh.close();
  }
}
function openZipMember(file, e, limits) {
  if (e.size > limits.maxMemberBytes) throw new ZipError(`member declares ${e.size} bytes, more than the limit of ${limits.maxMemberBytes}`);
  if (e.method === 0 && e.compressedSize !== e.size) throw new ZipError("stored member has different compressed and uncompressed sizes");
  if (e.method === 0) return { src: ByteSource.fromFile(file, e.dataOffset, e.dataOffset + e.compressedSize), problems: [] };
  if (e.method !== 8) throw new ZipError(`member uses compression method ${e.method}, which is not supported`);
  if (e.size > Math.max(1 << 20, e.compressedSize * limits.maxRatio)) throw new ZipError(`member expands ${e.compressedSize} bytes to ${e.size}: compression ratio over ${limits.maxRatio}`);
  const raw = ByteSource.fromFile(file, e.dataOffset, e.dataOffset + e.compressedSize);
  const declared = e.size;
  const problems = [];
  async function* inflate() {
    const z2 = createInflateRaw();
    const input = Readable.from(
      (async function* () {
        for (; ; ) {
          if (!await raw.ensure(1)) return;
          yield Buffer.from(raw.take(raw.buffered));
        }
      })()
    );
    input.pipe(z2);
    let out2 = 0;
    try {
      for await (const chunk of z2) {
        if (out2 + chunk.length > declared) {
          problems.push(`member inflates to more than its declared ${declared} bytes`);
          if (declared > out2) yield chunk.subarray(0, declared - out2);
          return;
        }
        out2 += chunk.length;
        yield chunk;
      }
    } catch (err) {
      problems.push(`member's compressed data is corrupt: ${err.message}`);
      return;
    } finally {
      input.destroy();
      z2.destroy();
      await raw.close();
    }
    if (out2 !== declared) problems.push(`member inflates to ${out2} bytes, not the declared ${declared}`);
  }
  return { src: ByteSource.fromIterable(inflate(), declared), problems };
}
var ZipError, EOCD, ZIP64_LOCATOR, ZIP64_EOCD, CDH, LFH;
var init_zip = __esm({
  "src/scan/zip.ts"() {
    "use strict";
    init_source2();
    ZipError = class extends Error {
    };
    EOCD = 101010256;
    ZIP64_LOCATOR = 117853008;
    ZIP64_EOCD = 101075792;
    CDH = 33639248;
    LFH = 67324752;
  }
});

// src/scan/scan-file.ts
import { stat as stat2 } from "node:fs/promises";
async function scanStream(src, kind, size, file, limits, member) {
  const where = member !== void 0 ? { member } : {};
  switch (kind) {
    case "pickle": {
      const r = await walkPickles(src, { file, limits, ...where });
      return { format: "pickle", pickle: true, imports: r.imports, findings: r.findings };
    }
    case "npy": {
      const h = await readNpyHeader(src);
      if (!h.ok) return { format: "npy", pickle: false, imports: [], findings: [{ code: "NPY_MALFORMED", severity: "high", file, ...where, message: `not a valid .npy file: ${h.problem}` }] };
      if (!h.objectDtype) return { format: "npy", pickle: false, imports: [], findings: [] };
      const r = await walkPickles(src, { file, limits, multiple: false, ...where });
      return { format: "npy", pickle: true, imports: r.imports, findings: r.findings };
    }
    case "safetensors":
      return { format: "safetensors", pickle: false, imports: [], findings: await checkSafetensors(src, size, file, limits, member) };
    case "gguf":
      return { format: "gguf", pickle: false, imports: [], findings: await checkGguf(src, size, file, limits, member) };
    default:
      return { format: "unknown", pickle: false, imports: [], findings: [] };
  }
}
async function scanZip(abs, size, file, limits) {
  const findings = [];
  const imports = [];
  let pickle = false;
  let dir;
  try {
    dir = await readZipDirectory(abs, size, limits);
  } catch (e) {
    if (!(e instanceof ZipError)) throw e;
    findings.push({ code: "ZIP_MALFORMED", severity: "high", file, message: `zip container cannot be read safely: ${e.message}` });
    return { format: "zip", pickle: false, imports, findings };
  }
  for (const p2 of dir.problems) findings.push({ code: "ZIP_MALFORMED", severity: "high", file, message: p2 });
  const names = dir.entries.map((e) => e.name);
  const format = names.some((n) => n === "data.pkl" || n.endsWith("/data.pkl")) ? "pytorch" : names.length > 0 && names.every((n) => n.endsWith(".npy")) ? "npz" : "zip";
  for (const e of dir.entries) {
    if (e.name.endsWith("/") || !memberWorthScanning(e.name)) continue;
    const member = e.name;
    if (e.encrypted) {
      findings.push({ code: "ZIP_ENCRYPTED", severity: "high", file, member, message: "member is encrypted and cannot be scanned" });
      continue;
    }
    let src;
    try {
      const opened = openZipMember(abs, e, limits);
      src = opened.src;
      await src.ensure(SNIFF_BYTES);
      const kind = sniff(src.peek(SNIFF_BYTES), member);
      if (kind === "zip") {
        for (const p2 of opened.problems) findings.push({ code: "ZIP_MALFORMED", severity: "high", file, member, message: p2 });
        findings.push({ code: "ZIP_NESTED", severity: "medium", file, member, message: "member is itself a zip archive; nested archives are not scanned" });
        continue;
      }
      const r = await scanStream(src, kind, e.size, file, limits, member);
      pickle ||= r.pickle;
      imports.push(...r.imports);
      findings.push(...r.findings);
      await src.drain();
      for (const p2 of opened.problems) findings.push({ code: "ZIP_MALFORMED", severity: "high", file, member, message: p2 });
    } catch (err) {
      if (!(err instanceof ZipError)) throw err;
      findings.push({ code: "ZIP_MALFORMED", severity: "high", file, member, message: err.message });
    } finally {
      await src?.close();
    }
  }
  return { format, pickle, imports, findings };
}
function report(file, size, r) {
  const findings = [...r.findings];
  if (r.format === "unknown" && OPAQUE_ARCHIVE.test(file)) {
    findings.push({ code: "SCAN_SKIPPED", severity: "medium", file, message: "compressed or archive format that modelsign cannot look inside; not scanned (use .tar, .tar.gz or zip)" });
  }
  return { file, size, format: r.format, pickle: r.pickle, imports: r.imports, findings };
}
async function scanFile(abs, file, limits) {
  const size = (await stat2(abs)).size;
  const src = ByteSource.fromFile(abs);
  try {
    await src.ensure(SNIFF_BYTES);
    const kind = sniff(src.peek(SNIFF_BYTES), file);
    if (kind === "zip") {
      await src.close();
      return report(file, size, await scanZip(abs, size, file, limits));
    }
    return report(file, size, await scanStream(src, kind, size, file, limits));
  } finally {
    await src.close();
  }
}
var OPAQUE_ARCHIVE;
var init_scan_file = __esm({
  "src/scan/scan-file.ts"() {
    "use strict";
    init_detect();
    init_gguf();
    init_npy();
    init_pickle();
    init_safetensors();
    init_source2();
    init_zip();
    OPAQUE_ARCHIVE = /\.(?:tar\.[a-z0-9]+|tzst|tbz2?|txz|zst|bz2|xz|lz4|7z|rar|gz|br)$/i;
  }
});

// node_modules/tar/dist/esm/index.min.js
import Qr from "events";
import I from "fs";
import { EventEmitter as Di } from "node:events";
import Cs from "node:stream";
import { StringDecoder as Hr } from "node:string_decoder";
import cr from "node:path";
import Kt from "node:fs";
import { dirname as Fn, parse as kn } from "path";
import { EventEmitter as Dn } from "events";
import zi from "assert";
import { Buffer as Ot } from "buffer";
import * as Ps from "zlib";
import en from "zlib";
import { posix as Zt } from "node:path";
import { basename as _n } from "node:path";
import mi from "fs";
import X from "fs";
import js from "path";
import { win32 as Pn } from "node:path";
import ar from "path";
import Br from "node:fs";
import co from "node:assert";
import { randomBytes as Mr } from "node:crypto";
import u from "node:fs";
import R from "node:path";
import pr from "fs";
import wi from "node:fs";
import we from "node:path";
import k from "node:fs";
import ro from "node:fs/promises";
import Si from "node:path";
import { join as xr } from "node:path";
import v from "node:fs";
import Pr from "node:path";
function Zn(s3, t, e) {
  let i = t, r = t ? t.next : s3.head, n = new ue(e, i, r, s3);
  return n.next === void 0 && (s3.tail = n), n.prev === void 0 && (s3.head = n), s3.length++, n;
}
function Yn(s3, t) {
  s3.tail = new ue(t, s3.tail, void 0, s3), s3.head || (s3.head = s3.tail), s3.length++;
}
function Kn(s3, t) {
  s3.head = new ue(t, void 0, s3.head, s3), s3.tail || (s3.tail = s3.head), s3.length++;
}
var zr, Ur, Ds, Wr, Gr, Zr, Q, J, nt, De, qt, Ne, Ns, Ae, As, z, Mt, g, Qt, Bt, b, N, _, bi, Ie, L, S, _i, Oi, Is, Ti, Z, xi, Ce, Jt, Rt, C, jt, Yr, Kr, Vr, $r, Fe, Li, Xr, qr, A, Jr, ht, H, te, m, Ni, tt, Ai, ki, vi, ie, ke, Ut, Ht, Ii, Pt, at, U, ot, Y, zt, Ci, j, ee, Fi, ve, gt, Me, bt, _t, Be, et, Wt, jr, Fs, ks, vs, Ms, Bs, tn, se, K, sn, M, rn, zs, nn, Bi, Tt, Gt, Pi, re, Pe, ze, Ue, He, We, Ge, Ze, Ye, Ke, Us, hn, an, Hs, ln, cn, Ws, Gs, Hi, ne, dn, Ui, oe, Ve, un, F, mn, xt, Wi, pn, lt, En, wn, Sn, ct, yn, Rn, gn, Gi, bn, Lt, ft, On, Tn, xn, Ln, f, $e, Dt, Nn, Xi, qi, An, B, Nt, it, Zi, Zs, V, he, dt, Ys, p, st, ut, Yi, At, w, Xe, qe, Ki, Ks, Vs, ae, Vi, Qe, Yt, $, Je, It, je, ti, $s, In, le, $i, Xs, Cn, rt, mt, vn, Qi, Mn, Bn, Ct, Ji, zn, qs, ce, ei, ji, Un, Hn, ts, Qs, rr, Wn, tr, er, ir, is, sr, fe, ii, ss, si, rs, ns, os2, hs, pt, ri, as, es, q, de, ni, oi, Gn, hi, ue, pi, nr, li, me, W, pe, Et, Ft, Ee, ai, G, ls, ci, or, ds, us, fi, di, hr, cs, ui, lr, fs, wt, kt, Vn, $n, fr, dr, Xn, qn, Qn, Jn, Er, wr, ur, Sr, yr, Rr, jn, to, eo, mr, ms, ps, Ei, io, Es, so, ws, Se, St, no, gr, Ss, br, oo, _r, ys, Or, Vt, Tr, ho, ao, lo, yi, Lr, Dr, _s, Nr, Os, P, Ts, xs, gi, Ar, Ir, Re, Cr, Fr, Rs, yt, O, Ri, kr, $t, gs, bs, Ls, ge, be, _e, Oe, fo, Te, uo, mo, po, vr, Xt, ye, xe, Eo, wo, So, yo, Ro, go, bo, _o, vt, Oo, To;
var init_index_min = __esm({
  "node_modules/tar/dist/esm/index.min.js"() {
    zr = Object.defineProperty;
    Ur = (s3, t) => {
      for (var e in t) zr(s3, e, { get: t[e], enumerable: true });
    };
    Ds = typeof process == "object" && process ? process : { stdout: null, stderr: null };
    Wr = (s3) => !!s3 && typeof s3 == "object" && (s3 instanceof A || s3 instanceof Cs || Gr(s3) || Zr(s3));
    Gr = (s3) => !!s3 && typeof s3 == "object" && s3 instanceof Di && typeof s3.pipe == "function" && s3.pipe !== Cs.Writable.prototype.pipe;
    Zr = (s3) => !!s3 && typeof s3 == "object" && s3 instanceof Di && typeof s3.write == "function" && typeof s3.end == "function";
    Q = Symbol("EOF");
    J = Symbol("maybeEmitEnd");
    nt = Symbol("emittedEnd");
    De = Symbol("emittingEnd");
    qt = Symbol("emittedError");
    Ne = Symbol("closed");
    Ns = Symbol("read");
    Ae = Symbol("flush");
    As = Symbol("flushChunk");
    z = Symbol("encoding");
    Mt = Symbol("decoder");
    g = Symbol("flowing");
    Qt = Symbol("paused");
    Bt = Symbol("resume");
    b = Symbol("buffer");
    N = Symbol("pipes");
    _ = Symbol("bufferLength");
    bi = Symbol("bufferPush");
    Ie = Symbol("bufferShift");
    L = Symbol("objectMode");
    S = Symbol("destroyed");
    _i = Symbol("error");
    Oi = Symbol("emitData");
    Is = Symbol("emitEnd");
    Ti = Symbol("emitEnd2");
    Z = Symbol("async");
    xi = Symbol("abort");
    Ce = Symbol("aborted");
    Jt = Symbol("signal");
    Rt = Symbol("dataListeners");
    C = Symbol("discarded");
    jt = (s3) => Promise.resolve().then(s3);
    Yr = (s3) => s3();
    Kr = (s3) => s3 === "end" || s3 === "finish" || s3 === "prefinish";
    Vr = (s3) => s3 instanceof ArrayBuffer || !!s3 && typeof s3 == "object" && s3.constructor && s3.constructor.name === "ArrayBuffer" && s3.byteLength >= 0;
    $r = (s3) => !Buffer.isBuffer(s3) && ArrayBuffer.isView(s3);
    Fe = class {
      src;
      dest;
      opts;
      ondrain;
      constructor(t, e, i) {
        this.src = t, this.dest = e, this.opts = i, this.ondrain = () => t[Bt](), this.dest.on("drain", this.ondrain);
      }
      unpipe() {
        this.dest.removeListener("drain", this.ondrain);
      }
      proxyErrors(t) {
      }
      end() {
        this.unpipe(), this.opts.end && this.dest.end();
      }
    };
    Li = class extends Fe {
      unpipe() {
        this.src.removeListener("error", this.proxyErrors), super.unpipe();
      }
      constructor(t, e, i) {
        super(t, e, i), this.proxyErrors = (r) => this.dest.emit("error", r), t.on("error", this.proxyErrors);
      }
    };
    Xr = (s3) => !!s3.objectMode;
    qr = (s3) => !s3.objectMode && !!s3.encoding && s3.encoding !== "buffer";
    A = class extends Di {
      [g] = false;
      [Qt] = false;
      [N] = [];
      [b] = [];
      [L];
      [z];
      [Z];
      [Mt];
      [Q] = false;
      [nt] = false;
      [De] = false;
      [Ne] = false;
      [qt] = null;
      [_] = 0;
      [S] = false;
      [Jt];
      [Ce] = false;
      [Rt] = 0;
      [C] = false;
      writable = true;
      readable = true;
      constructor(...t) {
        let e = t[0] || {};
        if (super(), e.objectMode && typeof e.encoding == "string") throw new TypeError("Encoding and objectMode may not be used together");
        Xr(e) ? (this[L] = true, this[z] = null) : qr(e) ? (this[z] = e.encoding, this[L] = false) : (this[L] = false, this[z] = null), this[Z] = !!e.async, this[Mt] = this[z] ? new Hr(this[z]) : null, e && e.debugExposeBuffer === true && Object.defineProperty(this, "buffer", { get: () => this[b] }), e && e.debugExposePipes === true && Object.defineProperty(this, "pipes", { get: () => this[N] });
        let { signal: i } = e;
        i && (this[Jt] = i, i.aborted ? this[xi]() : i.addEventListener("abort", () => this[xi]()));
      }
      get bufferLength() {
        return this[_];
      }
      get encoding() {
        return this[z];
      }
      set encoding(t) {
        throw new Error("Encoding must be set at instantiation time");
      }
      setEncoding(t) {
        throw new Error("Encoding must be set at instantiation time");
      }
      get objectMode() {
        return this[L];
      }
      set objectMode(t) {
        throw new Error("objectMode must be set at instantiation time");
      }
      get async() {
        return this[Z];
      }
      set async(t) {
        this[Z] = this[Z] || !!t;
      }
      [xi]() {
        this[Ce] = true, this.emit("abort", this[Jt]?.reason), this.destroy(this[Jt]?.reason);
      }
      get aborted() {
        return this[Ce];
      }
      set aborted(t) {
      }
      write(t, e, i) {
        if (this[Ce]) return false;
        if (this[Q]) throw new Error("write after end");
        if (this[S]) return this.emit("error", Object.assign(new Error("Cannot call write after a stream was destroyed"), { code: "ERR_STREAM_DESTROYED" })), true;
        typeof e == "function" && (i = e, e = "utf8"), e || (e = "utf8");
        let r = this[Z] ? jt : Yr;
        if (!this[L] && !Buffer.isBuffer(t)) {
          if ($r(t)) t = Buffer.from(t.buffer, t.byteOffset, t.byteLength);
          else if (Vr(t)) t = Buffer.from(t);
          else if (typeof t != "string") throw new Error("Non-contiguous data written to non-objectMode stream");
        }
        return this[L] ? (this[g] && this[_] !== 0 && this[Ae](true), this[g] ? this.emit("data", t) : this[bi](t), this[_] !== 0 && this.emit("readable"), i && r(i), this[g]) : t.length ? (typeof t == "string" && !(e === this[z] && !this[Mt]?.lastNeed) && (t = Buffer.from(t, e)), Buffer.isBuffer(t) && this[z] && (t = this[Mt].write(t)), this[g] && this[_] !== 0 && this[Ae](true), this[g] ? this.emit("data", t) : this[bi](t), this[_] !== 0 && this.emit("readable"), i && r(i), this[g]) : (this[_] !== 0 && this.emit("readable"), i && r(i), this[g]);
      }
      read(t) {
        if (this[S]) return null;
        if (this[C] = false, this[_] === 0 || t === 0 || t && t > this[_]) return this[J](), null;
        this[L] && (t = null), this[b].length > 1 && !this[L] && (this[b] = [this[z] ? this[b].join("") : Buffer.concat(this[b], this[_])]);
        let e = this[Ns](t || null, this[b][0]);
        return this[J](), e;
      }
      [Ns](t, e) {
        if (this[L]) this[Ie]();
        else {
          let i = e;
          t === i.length || t === null ? this[Ie]() : typeof i == "string" ? (this[b][0] = i.slice(t), e = i.slice(0, t), this[_] -= t) : (this[b][0] = i.subarray(t), e = i.subarray(0, t), this[_] -= t);
        }
        return this.emit("data", e), !this[b].length && !this[Q] && this.emit("drain"), e;
      }
      end(t, e, i) {
        return typeof t == "function" && (i = t, t = void 0), typeof e == "function" && (i = e, e = "utf8"), t !== void 0 && this.write(t, e), i && this.once("end", i), this[Q] = true, this.writable = false, (this[g] || !this[Qt]) && this[J](), this;
      }
      [Bt]() {
        this[S] || (!this[Rt] && !this[N].length && (this[C] = true), this[Qt] = false, this[g] = true, this.emit("resume"), this[b].length ? this[Ae]() : this[Q] ? this[J]() : this.emit("drain"));
      }
      resume() {
        return this[Bt]();
      }
      pause() {
        this[g] = false, this[Qt] = true, this[C] = false;
      }
      get destroyed() {
        return this[S];
      }
      get flowing() {
        return this[g];
      }
      get paused() {
        return this[Qt];
      }
      [bi](t) {
        this[L] ? this[_] += 1 : this[_] += t.length, this[b].push(t);
      }
      [Ie]() {
        return this[L] ? this[_] -= 1 : this[_] -= this[b][0].length, this[b].shift();
      }
      [Ae](t = false) {
        do
          ;
        while (this[As](this[Ie]()) && this[b].length);
        !t && !this[b].length && !this[Q] && this.emit("drain");
      }
      [As](t) {
        return this.emit("data", t), this[g];
      }
      pipe(t, e) {
        if (this[S]) return t;
        this[C] = false;
        let i = this[nt];
        return e = e || {}, t === Ds.stdout || t === Ds.stderr ? e.end = false : e.end = e.end !== false, e.proxyErrors = !!e.proxyErrors, i ? e.end && t.end() : (this[N].push(e.proxyErrors ? new Li(this, t, e) : new Fe(this, t, e)), this[Z] ? jt(() => this[Bt]()) : this[Bt]()), t;
      }
      unpipe(t) {
        let e = this[N].find((i) => i.dest === t);
        e && (this[N].length === 1 ? (this[g] && this[Rt] === 0 && (this[g] = false), this[N] = []) : this[N].splice(this[N].indexOf(e), 1), e.unpipe());
      }
      addListener(t, e) {
        return this.on(t, e);
      }
      on(t, e) {
        let i = super.on(t, e);
        if (t === "data") this[C] = false, this[Rt]++, !this[N].length && !this[g] && this[Bt]();
        else if (t === "readable" && this[_] !== 0) super.emit("readable");
        else if (Kr(t) && this[nt]) super.emit(t), this.removeAllListeners(t);
        else if (t === "error" && this[qt]) {
          let r = e;
          this[Z] ? jt(() => r.call(this, this[qt])) : r.call(this, this[qt]);
        }
        return i;
      }
      removeListener(t, e) {
        return this.off(t, e);
      }
      off(t, e) {
        let i = super.off(t, e);
        return t === "data" && (this[Rt] = this.listeners("data").length, this[Rt] === 0 && !this[C] && !this[N].length && (this[g] = false)), i;
      }
      removeAllListeners(t) {
        let e = super.removeAllListeners(t);
        return (t === "data" || t === void 0) && (this[Rt] = 0, !this[C] && !this[N].length && (this[g] = false)), e;
      }
      get emittedEnd() {
        return this[nt];
      }
      [J]() {
        !this[De] && !this[nt] && !this[S] && this[b].length === 0 && this[Q] && (this[De] = true, this.emit("end"), this.emit("prefinish"), this.emit("finish"), this[Ne] && this.emit("close"), this[De] = false);
      }
      emit(t, ...e) {
        let i = e[0];
        if (t !== "error" && t !== "close" && t !== S && this[S]) return false;
        if (t === "data") return !this[L] && !i ? false : this[Z] ? (jt(() => this[Oi](i)), true) : this[Oi](i);
        if (t === "end") return this[Is]();
        if (t === "close") {
          if (this[Ne] = true, !this[nt] && !this[S]) return false;
          let n = super.emit("close");
          return this.removeAllListeners("close"), n;
        } else if (t === "error") {
          this[qt] = i, super.emit(_i, i);
          let n = !this[Jt] || this.listeners("error").length ? super.emit("error", i) : false;
          return this[J](), n;
        } else if (t === "resume") {
          let n = super.emit("resume");
          return this[J](), n;
        } else if (t === "finish" || t === "prefinish") {
          let n = super.emit(t);
          return this.removeAllListeners(t), n;
        }
        let r = super.emit(t, ...e);
        return this[J](), r;
      }
      [Oi](t) {
        for (let i of this[N]) i.dest.write(t) === false && this.pause();
        let e = this[C] ? false : super.emit("data", t);
        return this[J](), e;
      }
      [Is]() {
        return this[nt] ? false : (this[nt] = true, this.readable = false, this[Z] ? (jt(() => this[Ti]()), true) : this[Ti]());
      }
      [Ti]() {
        if (this[Mt]) {
          let e = this[Mt].end();
          if (e) {
            for (let i of this[N]) i.dest.write(e);
            this[C] || super.emit("data", e);
          }
        }
        for (let e of this[N]) e.end();
        let t = super.emit("end");
        return this.removeAllListeners("end"), t;
      }
      async collect() {
        let t = Object.assign([], { dataLength: 0 });
        this[L] || (t.dataLength = 0);
        let e = this.promise();
        return this.on("data", (i) => {
          t.push(i), this[L] || (t.dataLength += i.length);
        }), await e, t;
      }
      async concat() {
        if (this[L]) throw new Error("cannot concat in objectMode");
        let t = await this.collect();
        return this[z] ? t.join("") : Buffer.concat(t, t.dataLength);
      }
      async promise() {
        return new Promise((t, e) => {
          this.on(S, () => e(new Error("stream destroyed"))), this.on("error", (i) => e(i)), this.on("end", () => t());
        });
      }
      [Symbol.asyncIterator]() {
        this[C] = false;
        let t = false, e = async () => (this.pause(), t = true, { value: void 0, done: true });
        return { next: () => {
          if (t) return e();
          let r = this.read();
          if (r !== null) return Promise.resolve({ done: false, value: r });
          if (this[Q]) return e();
          let n, o, h = (d) => {
            this.off("data", a), this.off("end", l), this.off(S, c), e(), o(d);
          }, a = (d) => {
            this.off("error", h), this.off("end", l), this.off(S, c), this.pause(), n({ value: d, done: !!this[Q] });
          }, l = () => {
            this.off("error", h), this.off("data", a), this.off(S, c), e(), n({ done: true, value: void 0 });
          }, c = () => h(new Error("stream destroyed"));
          return new Promise((d, y) => {
            o = y, n = d, this.once(S, c), this.once("error", h), this.once("end", l), this.once("data", a);
          });
        }, throw: e, return: e, [Symbol.asyncIterator]() {
          return this;
        }, [Symbol.asyncDispose]: async () => {
        } };
      }
      [Symbol.iterator]() {
        this[C] = false;
        let t = false, e = () => (this.pause(), this.off(_i, e), this.off(S, e), this.off("end", e), t = true, { done: true, value: void 0 }), i = () => {
          if (t) return e();
          let r = this.read();
          return r === null ? e() : { done: false, value: r };
        };
        return this.once("end", e), this.once(_i, e), this.once(S, e), { next: i, throw: e, return: e, [Symbol.iterator]() {
          return this;
        }, [Symbol.dispose]: () => {
        } };
      }
      destroy(t) {
        if (this[S]) return t ? this.emit("error", t) : this.emit(S), this;
        this[S] = true, this[C] = true, this[b].length = 0, this[_] = 0;
        let e = this;
        return typeof e.close == "function" && !this[Ne] && e.close(), t ? this.emit("error", t) : this.emit(S), this;
      }
      static get isStream() {
        return Wr;
      }
    };
    Jr = I.writev;
    ht = Symbol("_autoClose");
    H = Symbol("_close");
    te = Symbol("_ended");
    m = Symbol("_fd");
    Ni = Symbol("_finished");
    tt = Symbol("_flags");
    Ai = Symbol("_flush");
    ki = Symbol("_handleChunk");
    vi = Symbol("_makeBuf");
    ie = Symbol("_mode");
    ke = Symbol("_needDrain");
    Ut = Symbol("_onerror");
    Ht = Symbol("_onopen");
    Ii = Symbol("_onread");
    Pt = Symbol("_onwrite");
    at = Symbol("_open");
    U = Symbol("_path");
    ot = Symbol("_pos");
    Y = Symbol("_queue");
    zt = Symbol("_read");
    Ci = Symbol("_readSize");
    j = Symbol("_reading");
    ee = Symbol("_remain");
    Fi = Symbol("_size");
    ve = Symbol("_write");
    gt = Symbol("_writing");
    Me = Symbol("_defaultFlag");
    bt = Symbol("_errored");
    _t = class extends A {
      [bt] = false;
      [m];
      [U];
      [Ci];
      [j] = false;
      [Fi];
      [ee];
      [ht];
      constructor(t, e) {
        if (e = e || {}, super(e), this.readable = true, this.writable = false, typeof t != "string") throw new TypeError("path must be a string");
        this[bt] = false, this[m] = typeof e.fd == "number" ? e.fd : void 0, this[U] = t, this[Ci] = e.readSize || 16 * 1024 * 1024, this[j] = false, this[Fi] = typeof e.size == "number" ? e.size : 1 / 0, this[ee] = this[Fi], this[ht] = typeof e.autoClose == "boolean" ? e.autoClose : true, typeof this[m] == "number" ? this[zt]() : this[at]();
      }
      get fd() {
        return this[m];
      }
      get path() {
        return this[U];
      }
      write() {
        throw new TypeError("this is a readable stream");
      }
      end() {
        throw new TypeError("this is a readable stream");
      }
      [at]() {
        I.open(this[U], "r", (t, e) => this[Ht](t, e));
      }
      [Ht](t, e) {
        t ? this[Ut](t) : (this[m] = e, this.emit("open", e), this[zt]());
      }
      [vi]() {
        return Buffer.allocUnsafe(Math.min(this[Ci], this[ee]));
      }
      [zt]() {
        if (!this[j]) {
          this[j] = true;
          let t = this[vi]();
          if (t.length === 0) return process.nextTick(() => this[Ii](null, 0, t));
          I.read(this[m], t, 0, t.length, null, (e, i, r) => this[Ii](e, i, r));
        }
      }
      [Ii](t, e, i) {
        this[j] = false, t ? this[Ut](t) : this[ki](e, i) && this[zt]();
      }
      [H]() {
        if (this[ht] && typeof this[m] == "number") {
          let t = this[m];
          this[m] = void 0, I.close(t, (e) => e ? this.emit("error", e) : this.emit("close"));
        }
      }
      [Ut](t) {
        this[j] = true, this[H](), this.emit("error", t);
      }
      [ki](t, e) {
        let i = false;
        return this[ee] -= t, t > 0 && (i = super.write(t < e.length ? e.subarray(0, t) : e)), (t === 0 || this[ee] <= 0) && (i = false, this[H](), super.end()), i;
      }
      emit(t, ...e) {
        switch (t) {
          case "prefinish":
          case "finish":
            return false;
          case "drain":
            return typeof this[m] == "number" && this[zt](), false;
          case "error":
            return this[bt] ? false : (this[bt] = true, super.emit(t, ...e));
          default:
            return super.emit(t, ...e);
        }
      }
    };
    Be = class extends _t {
      [at]() {
        let t = true;
        try {
          this[Ht](null, I.openSync(this[U], "r")), t = false;
        } finally {
          t && this[H]();
        }
      }
      [zt]() {
        let t = true;
        try {
          if (!this[j]) {
            this[j] = true;
            do {
              let e = this[vi](), i = e.length === 0 ? 0 : I.readSync(this[m], e, 0, e.length, null);
              if (!this[ki](i, e)) break;
            } while (true);
            this[j] = false;
          }
          t = false;
        } finally {
          t && this[H]();
        }
      }
      [H]() {
        if (this[ht] && typeof this[m] == "number") {
          let t = this[m];
          this[m] = void 0, I.closeSync(t), this.emit("close");
        }
      }
    };
    et = class extends Qr {
      readable = false;
      writable = true;
      [bt] = false;
      [gt] = false;
      [te] = false;
      [Y] = [];
      [ke] = false;
      [U];
      [ie];
      [ht];
      [m];
      [Me];
      [tt];
      [Ni] = false;
      [ot];
      constructor(t, e) {
        e = e || {}, super(e), this[U] = t, this[m] = typeof e.fd == "number" ? e.fd : void 0, this[ie] = e.mode === void 0 ? 438 : e.mode, this[ot] = typeof e.start == "number" ? e.start : void 0, this[ht] = typeof e.autoClose == "boolean" ? e.autoClose : true;
        let i = this[ot] !== void 0 ? "r+" : "w";
        this[Me] = e.flags === void 0, this[tt] = e.flags === void 0 ? i : e.flags, this[m] === void 0 && this[at]();
      }
      emit(t, ...e) {
        if (t === "error") {
          if (this[bt]) return false;
          this[bt] = true;
        }
        return super.emit(t, ...e);
      }
      get fd() {
        return this[m];
      }
      get path() {
        return this[U];
      }
      [Ut](t) {
        this[H](), this[gt] = true, this.emit("error", t);
      }
      [at]() {
        I.open(this[U], this[tt], this[ie], (t, e) => this[Ht](t, e));
      }
      [Ht](t, e) {
        this[Me] && this[tt] === "r+" && t && t.code === "ENOENT" ? (this[tt] = "w", this[at]()) : t ? this[Ut](t) : (this[m] = e, this.emit("open", e), this[gt] || this[Ai]());
      }
      end(t, e) {
        return t && this.write(t, e), this[te] = true, !this[gt] && !this[Y].length && typeof this[m] == "number" && this[Pt](null, 0), this;
      }
      write(t, e) {
        return typeof t == "string" && (t = Buffer.from(t, e)), this[te] ? (this.emit("error", new Error("write() after end()")), false) : this[m] === void 0 || this[gt] || this[Y].length ? (this[Y].push(t), this[ke] = true, false) : (this[gt] = true, this[ve](t), true);
      }
      [ve](t) {
        I.write(this[m], t, 0, t.length, this[ot], (e, i) => this[Pt](e, i));
      }
      [Pt](t, e) {
        t ? this[Ut](t) : (this[ot] !== void 0 && typeof e == "number" && (this[ot] += e), this[Y].length ? this[Ai]() : (this[gt] = false, this[te] && !this[Ni] ? (this[Ni] = true, this[H](), this.emit("finish")) : this[ke] && (this[ke] = false, this.emit("drain"))));
      }
      [Ai]() {
        if (this[Y].length === 0) this[te] && this[Pt](null, 0);
        else if (this[Y].length === 1) this[ve](this[Y].pop());
        else {
          let t = this[Y];
          this[Y] = [], Jr(this[m], t, this[ot], (e, i) => this[Pt](e, i));
        }
      }
      [H]() {
        if (this[ht] && typeof this[m] == "number") {
          let t = this[m];
          this[m] = void 0, I.close(t, (e) => e ? this.emit("error", e) : this.emit("close"));
        }
      }
    };
    Wt = class extends et {
      [at]() {
        let t;
        if (this[Me] && this[tt] === "r+") try {
          t = I.openSync(this[U], this[tt], this[ie]);
        } catch (e) {
          if (e?.code === "ENOENT") return this[tt] = "w", this[at]();
          throw e;
        }
        else t = I.openSync(this[U], this[tt], this[ie]);
        this[Ht](null, t);
      }
      [H]() {
        if (this[ht] && typeof this[m] == "number") {
          let t = this[m];
          this[m] = void 0, I.closeSync(t), this.emit("close");
        }
      }
      [ve](t) {
        let e = true;
        try {
          this[Pt](null, I.writeSync(this[m], t, 0, t.length, this[ot])), e = false;
        } finally {
          if (e) try {
            this[H]();
          } catch {
          }
        }
      }
    };
    jr = /* @__PURE__ */ new Map([["C", "cwd"], ["f", "file"], ["z", "gzip"], ["P", "preservePaths"], ["U", "unlink"], ["strip-components", "strip"], ["stripComponents", "strip"], ["keep-newer", "newer"], ["keepNewer", "newer"], ["keep-newer-files", "newer"], ["keepNewerFiles", "newer"], ["k", "keep"], ["keep-existing", "keep"], ["keepExisting", "keep"], ["m", "noMtime"], ["no-mtime", "noMtime"], ["p", "preserveOwner"], ["L", "follow"], ["h", "follow"], ["onentry", "onReadEntry"]]);
    Fs = (s3) => !!s3.sync && !!s3.file;
    ks = (s3) => !s3.sync && !!s3.file;
    vs = (s3) => !!s3.sync && !s3.file;
    Ms = (s3) => !s3.sync && !s3.file;
    Bs = (s3) => !!s3.file;
    tn = (s3) => {
      let t = jr.get(s3);
      return t || s3;
    };
    se = (s3 = {}) => {
      if (!s3) return {};
      let t = {};
      for (let [e, i] of Object.entries(s3)) {
        let r = tn(e);
        t[r] = i;
      }
      return t.chmod === void 0 && t.noChmod === false && (t.chmod = true), delete t.noChmod, t;
    };
    K = (s3, t, e, i, r) => Object.assign((n = [], o, h) => {
      Array.isArray(n) && (o = n, n = {}), typeof o == "function" && (h = o, o = void 0), o = o ? Array.from(o) : [];
      let a = se(n);
      if (r?.(a, o), Fs(a)) {
        if (typeof h == "function") throw new TypeError("callback not supported for sync tar functions");
        return s3(a, o);
      } else if (ks(a)) {
        let l = t(a, o);
        return h ? l.then(() => h(), h) : l;
      } else if (vs(a)) {
        if (typeof h == "function") throw new TypeError("callback not supported for sync tar functions");
        return e(a, o);
      } else if (Ms(a)) {
        if (typeof h == "function") throw new TypeError("callback only supported with file option");
        return i(a, o);
      }
      throw new Error("impossible options??");
    }, { syncFile: s3, asyncFile: t, syncNoFile: e, asyncNoFile: i, validate: r });
    sn = en.constants || { ZLIB_VERNUM: 4736 };
    M = Object.freeze(Object.assign(/* @__PURE__ */ Object.create(null), { Z_NO_FLUSH: 0, Z_PARTIAL_FLUSH: 1, Z_SYNC_FLUSH: 2, Z_FULL_FLUSH: 3, Z_FINISH: 4, Z_BLOCK: 5, Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3, Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6, Z_NO_COMPRESSION: 0, Z_BEST_SPEED: 1, Z_BEST_COMPRESSION: 9, Z_DEFAULT_COMPRESSION: -1, Z_FILTERED: 1, Z_HUFFMAN_ONLY: 2, Z_RLE: 3, Z_FIXED: 4, Z_DEFAULT_STRATEGY: 0, DEFLATE: 1, INFLATE: 2, GZIP: 3, GUNZIP: 4, DEFLATERAW: 5, INFLATERAW: 6, UNZIP: 7, BROTLI_DECODE: 8, BROTLI_ENCODE: 9, Z_MIN_WINDOWBITS: 8, Z_MAX_WINDOWBITS: 15, Z_DEFAULT_WINDOWBITS: 15, Z_MIN_CHUNK: 64, Z_MAX_CHUNK: 1 / 0, Z_DEFAULT_CHUNK: 16384, Z_MIN_MEMLEVEL: 1, Z_MAX_MEMLEVEL: 9, Z_DEFAULT_MEMLEVEL: 8, Z_MIN_LEVEL: -1, Z_MAX_LEVEL: 9, Z_DEFAULT_LEVEL: -1, BROTLI_OPERATION_PROCESS: 0, BROTLI_OPERATION_FLUSH: 1, BROTLI_OPERATION_FINISH: 2, BROTLI_OPERATION_EMIT_METADATA: 3, BROTLI_MODE_GENERIC: 0, BROTLI_MODE_TEXT: 1, BROTLI_MODE_FONT: 2, BROTLI_DEFAULT_MODE: 0, BROTLI_MIN_QUALITY: 0, BROTLI_MAX_QUALITY: 11, BROTLI_DEFAULT_QUALITY: 11, BROTLI_MIN_WINDOW_BITS: 10, BROTLI_MAX_WINDOW_BITS: 24, BROTLI_LARGE_MAX_WINDOW_BITS: 30, BROTLI_DEFAULT_WINDOW: 22, BROTLI_MIN_INPUT_BLOCK_BITS: 16, BROTLI_MAX_INPUT_BLOCK_BITS: 24, BROTLI_PARAM_MODE: 0, BROTLI_PARAM_QUALITY: 1, BROTLI_PARAM_LGWIN: 2, BROTLI_PARAM_LGBLOCK: 3, BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING: 4, BROTLI_PARAM_SIZE_HINT: 5, BROTLI_PARAM_LARGE_WINDOW: 6, BROTLI_PARAM_NPOSTFIX: 7, BROTLI_PARAM_NDIRECT: 8, BROTLI_DECODER_RESULT_ERROR: 0, BROTLI_DECODER_RESULT_SUCCESS: 1, BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT: 2, BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT: 3, BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION: 0, BROTLI_DECODER_PARAM_LARGE_WINDOW: 1, BROTLI_DECODER_NO_ERROR: 0, BROTLI_DECODER_SUCCESS: 1, BROTLI_DECODER_NEEDS_MORE_INPUT: 2, BROTLI_DECODER_NEEDS_MORE_OUTPUT: 3, BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_NIBBLE: -1, BROTLI_DECODER_ERROR_FORMAT_RESERVED: -2, BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_META_NIBBLE: -3, BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_ALPHABET: -4, BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_SAME: -5, BROTLI_DECODER_ERROR_FORMAT_CL_SPACE: -6, BROTLI_DECODER_ERROR_FORMAT_HUFFMAN_SPACE: -7, BROTLI_DECODER_ERROR_FORMAT_CONTEXT_MAP_REPEAT: -8, BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_1: -9, BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_2: -10, BROTLI_DECODER_ERROR_FORMAT_TRANSFORM: -11, BROTLI_DECODER_ERROR_FORMAT_DICTIONARY: -12, BROTLI_DECODER_ERROR_FORMAT_WINDOW_BITS: -13, BROTLI_DECODER_ERROR_FORMAT_PADDING_1: -14, BROTLI_DECODER_ERROR_FORMAT_PADDING_2: -15, BROTLI_DECODER_ERROR_FORMAT_DISTANCE: -16, BROTLI_DECODER_ERROR_DICTIONARY_NOT_SET: -19, BROTLI_DECODER_ERROR_INVALID_ARGUMENTS: -20, BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MODES: -21, BROTLI_DECODER_ERROR_ALLOC_TREE_GROUPS: -22, BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MAP: -25, BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_1: -26, BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_2: -27, BROTLI_DECODER_ERROR_ALLOC_BLOCK_TYPE_TREES: -30, BROTLI_DECODER_ERROR_UNREACHABLE: -31 }, sn));
    rn = Ot.concat;
    zs = Object.getOwnPropertyDescriptor(Ot, "concat");
    nn = (s3) => s3;
    Bi = zs?.writable === true || zs?.set !== void 0 ? (s3) => {
      Ot.concat = s3 ? nn : rn;
    } : (s3) => {
    };
    Tt = Symbol("_superWrite");
    Gt = class extends Error {
      code;
      errno;
      constructor(t, e) {
        super("zlib: " + t.message, { cause: t }), this.code = t.code, this.errno = t.errno, this.code || (this.code = "ZLIB_ERROR"), this.message = "zlib: " + t.message, Error.captureStackTrace(this, e ?? this.constructor);
      }
      get name() {
        return "ZlibError";
      }
    };
    Pi = Symbol("flushFlag");
    re = class extends A {
      #t = false;
      #i = false;
      #s;
      #n;
      #r;
      #e;
      #o;
      get sawError() {
        return this.#t;
      }
      get handle() {
        return this.#e;
      }
      get flushFlag() {
        return this.#s;
      }
      constructor(t, e) {
        if (!t || typeof t != "object") throw new TypeError("invalid options for ZlibBase constructor");
        if (super(t), this.#s = t.flush ?? 0, this.#n = t.finishFlush ?? 0, this.#r = t.fullFlushFlag ?? 0, typeof Ps[e] != "function") throw new TypeError("Compression method not supported: " + e);
        try {
          this.#e = new Ps[e](t);
        } catch (i) {
          throw new Gt(i, this.constructor);
        }
        this.#o = (i) => {
          this.#t || (this.#t = true, this.close(), this.emit("error", i));
        }, this.#e?.on("error", (i) => this.#o(new Gt(i))), this.once("end", () => this.close);
      }
      close() {
        this.#e && (this.#e.close(), this.#e = void 0, this.emit("close"));
      }
      reset() {
        if (!this.#t) return zi(this.#e, "zlib binding closed"), this.#e.reset?.();
      }
      flush(t) {
        this.ended || (typeof t != "number" && (t = this.#r), this.write(Object.assign(Ot.alloc(0), { [Pi]: t })));
      }
      end(t, e, i) {
        return typeof t == "function" && (i = t, e = void 0, t = void 0), typeof e == "function" && (i = e, e = void 0), t && (e ? this.write(t, e) : this.write(t)), this.flush(this.#n), this.#i = true, super.end(i);
      }
      get ended() {
        return this.#i;
      }
      [Tt](t) {
        return super.write(t);
      }
      write(t, e, i) {
        if (typeof e == "function" && (i = e, e = "utf8"), typeof t == "string" && (t = Ot.from(t, e)), this.#t) return;
        zi(this.#e, "zlib binding closed");
        let r = this.#e._handle, n = r.close;
        r.close = () => {
        };
        let o = this.#e.close;
        this.#e.close = () => {
        }, Bi(true);
        let h;
        try {
          let l = typeof t[Pi] == "number" ? t[Pi] : this.#s;
          h = this.#e._processChunk(t, l), Bi(false);
        } catch (l) {
          Bi(false), this.#o(new Gt(l, this.write));
        } finally {
          this.#e && (this.#e._handle = r, r.close = n, this.#e.close = o, this.#e.removeAllListeners("error"));
        }
        this.#e && this.#e.on("error", (l) => this.#o(new Gt(l, this.write)));
        let a;
        if (h) if (Array.isArray(h) && h.length > 0) {
          let l = h[0];
          a = this[Tt](Ot.from(l));
          for (let c = 1; c < h.length; c++) a = this[Tt](h[c]);
        } else a = this[Tt](Ot.from(h));
        return i && i(), a;
      }
    };
    Pe = class extends re {
      #t;
      #i;
      constructor(t, e) {
        t = t || {}, t.flush = t.flush || M.Z_NO_FLUSH, t.finishFlush = t.finishFlush || M.Z_FINISH, t.fullFlushFlag = M.Z_FULL_FLUSH, super(t, e), this.#t = t.level, this.#i = t.strategy;
      }
      params(t, e) {
        if (!this.sawError) {
          if (!this.handle) throw new Error("cannot switch params when binding is closed");
          if (!this.handle.params) throw new Error("not supported in this implementation");
          if (this.#t !== t || this.#i !== e) {
            this.flush(M.Z_SYNC_FLUSH), zi(this.handle, "zlib binding closed");
            let i = this.handle.flush;
            this.handle.flush = (r, n) => {
              typeof r == "function" && (n = r, r = this.flushFlag), this.flush(r), n?.();
            };
            try {
              this.handle.params(t, e);
            } finally {
              this.handle.flush = i;
            }
            this.handle && (this.#t = t, this.#i = e);
          }
        }
      }
    };
    ze = class extends Pe {
      #t;
      constructor(t) {
        super(t, "Gzip"), this.#t = t && !!t.portable;
      }
      [Tt](t) {
        return this.#t ? (this.#t = false, t[9] = 255, super[Tt](t)) : super[Tt](t);
      }
    };
    Ue = class extends Pe {
      constructor(t) {
        super(t, "Unzip");
      }
    };
    He = class extends re {
      constructor(t, e) {
        t = t || {}, t.flush = t.flush || M.BROTLI_OPERATION_PROCESS, t.finishFlush = t.finishFlush || M.BROTLI_OPERATION_FINISH, t.fullFlushFlag = M.BROTLI_OPERATION_FLUSH, super(t, e);
      }
    };
    We = class extends He {
      constructor(t) {
        super(t, "BrotliCompress");
      }
    };
    Ge = class extends He {
      constructor(t) {
        super(t, "BrotliDecompress");
      }
    };
    Ze = class extends re {
      constructor(t, e) {
        t = t || {}, t.flush = t.flush || M.ZSTD_e_continue, t.finishFlush = t.finishFlush || M.ZSTD_e_end, t.fullFlushFlag = M.ZSTD_e_flush, super(t, e);
      }
    };
    Ye = class extends Ze {
      constructor(t) {
        super(t, "ZstdCompress");
      }
    };
    Ke = class extends Ze {
      constructor(t) {
        super(t, "ZstdDecompress");
      }
    };
    Us = (s3, t) => {
      if (Number.isSafeInteger(s3)) s3 < 0 ? an(s3, t) : hn(s3, t);
      else throw Error("cannot encode number outside of javascript safe integer range");
      return t;
    };
    hn = (s3, t) => {
      t[0] = 128;
      for (var e = t.length; e > 1; e--) t[e - 1] = s3 & 255, s3 = Math.floor(s3 / 256);
    };
    an = (s3, t) => {
      t[0] = 255;
      var e = false;
      s3 = s3 * -1;
      for (var i = t.length; i > 1; i--) {
        var r = s3 & 255;
        s3 = Math.floor(s3 / 256), e ? t[i - 1] = Ws(r) : r === 0 ? t[i - 1] = 0 : (e = true, t[i - 1] = Gs(r));
      }
    };
    Hs = (s3) => {
      let t = s3[0], e = t === 128 ? cn(s3.subarray(1, s3.length)) : t === 255 ? ln(s3) : null;
      if (e === null) throw Error("invalid base256 encoding");
      if (!Number.isSafeInteger(e)) throw Error("parsed number outside of javascript safe integer range");
      return e;
    };
    ln = (s3) => {
      for (var t = s3.length, e = 0, i = false, r = t - 1; r > -1; r--) {
        var n = Number(s3[r]), o;
        i ? o = Ws(n) : n === 0 ? o = n : (i = true, o = Gs(n)), o !== 0 && (e -= o * Math.pow(256, t - r - 1));
      }
      return e;
    };
    cn = (s3) => {
      for (var t = s3.length, e = 0, i = t - 1; i > -1; i--) {
        var r = Number(s3[i]);
        r !== 0 && (e += r * Math.pow(256, t - i - 1));
      }
      return e;
    };
    Ws = (s3) => (255 ^ s3) & 255;
    Gs = (s3) => (255 ^ s3) + 1 & 255;
    Hi = {};
    Ur(Hi, { code: () => Ve, isCode: () => ne, isName: () => dn, name: () => oe, normalFsTypes: () => Ui });
    ne = (s3) => oe.has(s3);
    dn = (s3) => Ve.has(s3);
    Ui = /* @__PURE__ */ new Set(["0", "", "1", "2", "3", "4", "5", "6", "7", "D"]);
    oe = /* @__PURE__ */ new Map([["0", "File"], ["", "OldFile"], ["1", "Link"], ["2", "SymbolicLink"], ["3", "CharacterDevice"], ["4", "BlockDevice"], ["5", "Directory"], ["6", "FIFO"], ["7", "ContiguousFile"], ["g", "GlobalExtendedHeader"], ["x", "ExtendedHeader"], ["A", "SolarisACL"], ["D", "GNUDumpDir"], ["I", "Inode"], ["K", "NextFileHasLongLinkpath"], ["L", "NextFileHasLongPath"], ["M", "ContinuationFile"], ["N", "OldGnuLongPath"], ["S", "SparseFile"], ["V", "TapeVolumeHeader"], ["X", "OldExtendedHeader"]]);
    Ve = new Map(Array.from(oe).map((s3) => [s3[1], s3[0]]));
    un = (s3) => s3 === void 0 || s3 < 0 ? void 0 : s3;
    F = class {
      cksumValid = false;
      needPax = false;
      nullBlock = false;
      block;
      path;
      mode;
      uid;
      gid;
      size;
      cksum;
      #t = "Unsupported";
      linkpath;
      uname;
      gname;
      devmaj = 0;
      devmin = 0;
      atime;
      ctime;
      mtime;
      charset;
      comment;
      constructor(t, e = 0, i, r) {
        Buffer.isBuffer(t) ? this.decode(t, e || 0, i, r) : t && this.#i(t);
      }
      decode(t, e, i, r) {
        if (e || (e = 0), !t || !(t.length >= e + 512)) throw new Error("need 512 bytes for header");
        let n = xt(t, e + 156, 1), o = Ui.has(n), h = o ? i : void 0, a = o ? r : void 0;
        if (this.path = h?.path ?? xt(t, e, 100), this.mode = h?.mode ?? a?.mode ?? lt(t, e + 100, 8), this.uid = h?.uid ?? a?.uid ?? lt(t, e + 108, 8), this.gid = h?.gid ?? a?.gid ?? lt(t, e + 116, 8), this.size = un(h?.size ?? a?.size ?? lt(t, e + 124, 12)), this.mtime = h?.mtime ?? a?.mtime ?? Wi(t, e + 136, 12), this.cksum = lt(t, e + 148, 12), a && this.#i(a, true), h && this.#i(h), ne(n) && (this.#t = n || "0"), this.#t === "0" && this.path.slice(-1) === "/" && (this.#t = "5"), this.#t === "5" && (this.size = 0), this.linkpath = xt(t, e + 157, 100), t.subarray(e + 257, e + 265).toString() === "ustar\x0000") if (this.uname = h?.uname ?? a?.uname ?? xt(t, e + 265, 32), this.gname = h?.gname ?? a?.gname ?? xt(t, e + 297, 32), this.devmaj = h?.devmaj ?? a?.devmaj ?? lt(t, e + 329, 8) ?? 0, this.devmin = h?.devmin ?? a?.devmin ?? lt(t, e + 337, 8) ?? 0, t[e + 475] !== 0) {
          let c = xt(t, e + 345, 155);
          this.path = c + "/" + this.path;
        } else {
          let c = xt(t, e + 345, 130);
          c && (this.path = c + "/" + this.path), this.atime = i?.atime ?? r?.atime ?? Wi(t, e + 476, 12), this.ctime = i?.ctime ?? r?.ctime ?? Wi(t, e + 488, 12);
        }
        let l = 256;
        for (let c = e; c < e + 148; c++) l += t[c];
        for (let c = e + 156; c < e + 512; c++) l += t[c];
        this.cksumValid = l === this.cksum, this.cksum === void 0 && l === 256 && (this.nullBlock = true);
      }
      #i(t, e = false) {
        Object.assign(this, Object.fromEntries(Object.entries(t).filter(([i, r]) => !(r == null || i === "size" && Number(r) < 0 || i === "path" && e || i === "linkpath" && e || i === "global"))));
      }
      encode(t, e = 0) {
        if (t || (t = this.block = Buffer.alloc(512)), this.#t === "Unsupported" && (this.#t = "0"), !(t.length >= e + 512)) throw new Error("need 512 bytes for header");
        let i = this.ctime || this.atime ? 130 : 155, r = mn(this.path || "", i), n = r[0], o = r[1];
        this.needPax = !!r[2], this.needPax = Lt(t, e, 100, n) || this.needPax, this.needPax = ct(t, e + 100, 8, this.mode) || this.needPax, this.needPax = ct(t, e + 108, 8, this.uid) || this.needPax, this.needPax = ct(t, e + 116, 8, this.gid) || this.needPax, this.needPax = ct(t, e + 124, 12, this.size) || this.needPax, this.needPax = Gi(t, e + 136, 12, this.mtime) || this.needPax, t[e + 156] = Number(this.#t.codePointAt(0)), this.needPax = Lt(t, e + 157, 100, this.linkpath) || this.needPax, t.write("ustar\x0000", e + 257, 8), this.needPax = Lt(t, e + 265, 32, this.uname) || this.needPax, this.needPax = Lt(t, e + 297, 32, this.gname) || this.needPax, this.needPax = ct(t, e + 329, 8, this.devmaj) || this.needPax, this.needPax = ct(t, e + 337, 8, this.devmin) || this.needPax, this.needPax = Lt(t, e + 345, i, o) || this.needPax, t[e + 475] !== 0 ? this.needPax = Lt(t, e + 345, 155, o) || this.needPax : (this.needPax = Lt(t, e + 345, 130, o) || this.needPax, this.needPax = Gi(t, e + 476, 12, this.atime) || this.needPax, this.needPax = Gi(t, e + 488, 12, this.ctime) || this.needPax);
        let h = 256;
        for (let a = e; a < e + 148; a++) h += t[a];
        for (let a = e + 156; a < e + 512; a++) h += t[a];
        return this.cksum = h, ct(t, e + 148, 8, this.cksum), this.cksumValid = true, this.needPax;
      }
      get type() {
        return this.#t === "Unsupported" ? this.#t : oe.get(this.#t);
      }
      get typeKey() {
        return this.#t;
      }
      set type(t) {
        let e = String(Ve.get(t));
        if (ne(e) || e === "Unsupported") this.#t = e;
        else if (ne(t)) this.#t = t;
        else throw new TypeError("invalid entry type: " + t);
      }
    };
    mn = (s3, t) => {
      let i = s3, r = "", n, o = Zt.parse(s3).root || ".";
      if (Buffer.byteLength(i) < 100) n = [i, r, false];
      else {
        r = Zt.dirname(i), i = Zt.basename(i);
        do
          Buffer.byteLength(i) <= 100 && Buffer.byteLength(r) <= t ? n = [i, r, false] : Buffer.byteLength(i) > 100 && Buffer.byteLength(r) <= t ? n = [i.slice(0, 99), r, true] : (i = Zt.join(Zt.basename(r), i), r = Zt.dirname(r));
        while (r !== o && n === void 0);
        n || (n = [s3.slice(0, 99), "", true]);
      }
      return n;
    };
    xt = (s3, t, e) => s3.subarray(t, t + e).toString("utf8").replace(/\0.*/, "");
    Wi = (s3, t, e) => pn(lt(s3, t, e));
    pn = (s3) => s3 === void 0 ? void 0 : new Date(s3 * 1e3);
    lt = (s3, t, e) => Number(s3[t]) & 128 ? Hs(s3.subarray(t, t + e)) : wn(s3, t, e);
    En = (s3) => isNaN(s3) ? void 0 : s3;
    wn = (s3, t, e) => En(parseInt(s3.subarray(t, t + e).toString("utf8").replace(/\0.*$/, "").trim(), 8));
    Sn = { 12: 8589934591, 8: 2097151 };
    ct = (s3, t, e, i) => i === void 0 ? false : i > Sn[e] || i < 0 ? (Us(i, s3.subarray(t, t + e)), true) : (yn(s3, t, e, i), false);
    yn = (s3, t, e, i) => s3.write(Rn(i, e), t, e, "ascii");
    Rn = (s3, t) => gn(Math.floor(s3).toString(8), t);
    gn = (s3, t) => (s3.length === t - 1 ? s3 : new Array(t - s3.length - 1).join("0") + s3 + " ") + "\0";
    Gi = (s3, t, e, i) => i === void 0 ? false : ct(s3, t, e, i.getTime() / 1e3);
    bn = new Array(156).join("\0");
    Lt = (s3, t, e, i) => i === void 0 ? false : (s3.write(i + bn, t, e, "utf8"), i.length !== Buffer.byteLength(i) || i.length > e);
    ft = class s {
      atime;
      mtime;
      ctime;
      charset;
      comment;
      gid;
      uid;
      gname;
      uname;
      linkpath;
      dev;
      ino;
      nlink;
      path;
      size;
      mode;
      global;
      constructor(t, e = false) {
        this.atime = t.atime, this.charset = t.charset, this.comment = t.comment, this.ctime = t.ctime, this.dev = t.dev, this.gid = t.gid, this.global = e, this.gname = t.gname, this.ino = t.ino, this.linkpath = t.linkpath, this.mtime = t.mtime, this.nlink = t.nlink, this.path = t.path, this.size = t.size, this.uid = t.uid, this.uname = t.uname;
      }
      encode() {
        let t = this.encodeBody();
        if (t === "") return Buffer.allocUnsafe(0);
        let e = Buffer.byteLength(t), i = 512 * Math.ceil(1 + e / 512), r = Buffer.allocUnsafe(i);
        for (let n = 0; n < 512; n++) r[n] = 0;
        new F({ path: ("PaxHeader/" + _n(this.path ?? "")).slice(0, 99), mode: this.mode || 420, uid: this.uid, gid: this.gid, size: e, mtime: this.mtime, type: this.global ? "GlobalExtendedHeader" : "ExtendedHeader", linkpath: "", uname: this.uname || "", gname: this.gname || "", devmaj: 0, devmin: 0, atime: this.atime, ctime: this.ctime }).encode(r), r.write(t, 512, e, "utf8");
        for (let n = e + 512; n < r.length; n++) r[n] = 0;
        return r;
      }
      encodeBody() {
        return this.encodeField("path") + this.encodeField("ctime") + this.encodeField("atime") + this.encodeField("dev") + this.encodeField("ino") + this.encodeField("nlink") + this.encodeField("charset") + this.encodeField("comment") + this.encodeField("gid") + this.encodeField("gname") + this.encodeField("linkpath") + this.encodeField("mtime") + this.encodeField("size") + this.encodeField("uid") + this.encodeField("uname");
      }
      encodeField(t) {
        if (this[t] === void 0) return "";
        let e = this[t], i = e instanceof Date ? e.getTime() / 1e3 : e, r = " " + (t === "dev" || t === "ino" || t === "nlink" ? "SCHILY." : "") + t + "=" + i + `
`, n = Buffer.byteLength(r), o = Math.floor(Math.log(n) / Math.log(10)) + 1;
        return n + o >= Math.pow(10, o) && (o += 1), o + n + r;
      }
      static parse(t, e, i = false) {
        return new s(On(Tn(t), e), i);
      }
    };
    On = (s3, t) => t ? Object.assign({}, t, s3) : s3;
    Tn = (s3) => s3.replace(/\n$/, "").split(`
`).reduce(xn, /* @__PURE__ */ Object.create(null));
    xn = (s3, t) => {
      let e = parseInt(t, 10);
      if (e !== Buffer.byteLength(t) + 1) return s3;
      t = t.slice((e + " ").length);
      let i = t.split("="), r = i.shift();
      if (!r) return s3;
      let n = r.replace(/^SCHILY\.(dev|ino|nlink)/, "$1"), o = i.join("=").replace(/\0.*/, "");
      switch (n) {
        case "path":
        case "linkpath":
        case "type":
        case "charset":
        case "comment":
        case "gname":
        case "uname":
          s3[n] = o;
          break;
        case "ctime":
        case "atime":
        case "mtime":
          s3[n] = new Date(Number(o) * 1e3);
          break;
        case "size":
          let h = +o;
          h >= 0 && (s3[n] = h);
          break;
        case "gid":
        case "uid":
        case "dev":
        case "ino":
        case "nlink":
        case "mode":
          s3[n] = +o;
          break;
      }
      return s3;
    };
    Ln = process.env.TESTING_TAR_FAKE_PLATFORM || process.platform;
    f = Ln !== "win32" ? (s3) => String(s3) : (s3) => String(s3).replaceAll(/\\/g, "/");
    $e = class extends A {
      extended;
      globalExtended;
      header;
      startBlockSize;
      blockRemain;
      remain;
      type;
      meta = false;
      ignore = false;
      path;
      mode;
      uid;
      gid;
      uname;
      gname;
      size = 0;
      mtime;
      atime;
      ctime;
      linkpath;
      dev;
      ino;
      nlink;
      invalid = false;
      absolute;
      unsupported = false;
      constructor(t, e, i) {
        switch (super({}), this.pause(), this.extended = e, this.globalExtended = i, this.header = t, this.remain = t.size ?? 0, this.startBlockSize = 512 * Math.ceil(this.remain / 512), this.blockRemain = this.startBlockSize, this.type = t.type, this.type) {
          case "File":
          case "OldFile":
          case "Link":
          case "SymbolicLink":
          case "CharacterDevice":
          case "BlockDevice":
          case "Directory":
          case "FIFO":
          case "ContiguousFile":
          case "GNUDumpDir":
            break;
          case "NextFileHasLongLinkpath":
          case "NextFileHasLongPath":
          case "OldGnuLongPath":
          case "GlobalExtendedHeader":
          case "ExtendedHeader":
          case "OldExtendedHeader":
            this.meta = true;
            break;
          default:
            this.ignore = true;
        }
        if (!t.path) throw new Error("no path provided for tar.ReadEntry");
        this.path = f(t.path), this.mode = t.mode, this.mode && (this.mode = this.mode & 4095), this.uid = t.uid, this.gid = t.gid, this.uname = t.uname, this.gname = t.gname, this.size = this.remain, this.mtime = t.mtime, this.atime = t.atime, this.ctime = t.ctime, this.linkpath = t.linkpath ? f(t.linkpath) : void 0, this.uname = t.uname, this.gname = t.gname, e && this.#t(e), i && this.#t(i, true);
      }
      write(t) {
        let e = t.length;
        if (e > this.blockRemain) throw new Error("writing more to entry than is appropriate");
        let i = this.remain, r = this.blockRemain;
        return this.remain = Math.max(0, i - e), this.blockRemain = Math.max(0, r - e), this.ignore ? true : i >= e ? super.write(t) : super.write(t.subarray(0, i));
      }
      #t(t, e = false) {
        t.path && (t.path = f(t.path)), t.linkpath && (t.linkpath = f(t.linkpath)), Object.assign(this, Object.fromEntries(Object.entries(t).filter(([i, r]) => !(r == null || i === "path" && e))));
      }
    };
    Dt = (s3, t, e, i = {}) => {
      s3.file && (i.file = s3.file), s3.cwd && (i.cwd = s3.cwd), i.code = e instanceof Error && e.code || t, i.tarCode = t, !s3.strict && i.recoverable !== false ? (e instanceof Error && (i = Object.assign(e, i), e = e.message), s3.emit("warn", t, e, i)) : e instanceof Error ? s3.emit("error", Object.assign(e, i)) : s3.emit("error", Object.assign(new Error(`${t}: ${e}`), i));
    };
    Nn = 1024 * 1024;
    Xi = Buffer.from([31, 139]);
    qi = Buffer.from([40, 181, 47, 253]);
    An = Math.max(Xi.length, qi.length);
    B = Symbol("state");
    Nt = Symbol("writeEntry");
    it = Symbol("readEntry");
    Zi = Symbol("nextEntry");
    Zs = Symbol("processEntry");
    V = Symbol("extendedHeader");
    he = Symbol("globalExtendedHeader");
    dt = Symbol("meta");
    Ys = Symbol("emitMeta");
    p = Symbol("buffer");
    st = Symbol("queue");
    ut = Symbol("ended");
    Yi = Symbol("emittedEnd");
    At = Symbol("emit");
    w = Symbol("unzip");
    Xe = Symbol("consumeChunk");
    qe = Symbol("consumeChunkSub");
    Ki = Symbol("consumeBody");
    Ks = Symbol("consumeMeta");
    Vs = Symbol("consumeHeader");
    ae = Symbol("consuming");
    Vi = Symbol("bufferConcat");
    Qe = Symbol("maybeEnd");
    Yt = Symbol("writing");
    $ = Symbol("aborted");
    Je = Symbol("onDone");
    It = Symbol("sawValidEntry");
    je = Symbol("sawNullBlock");
    ti = Symbol("sawEOF");
    $s = Symbol("closeStream");
    In = 1e3;
    le = Symbol("compressedBytesRead");
    $i = Symbol("decompressedBytesRead");
    Xs = Symbol("checkDecompressionRatio");
    Cn = () => true;
    rt = class extends Dn {
      file;
      strict;
      maxMetaEntrySize;
      filter;
      brotli;
      zstd;
      maxDecompressionRatio;
      writable = true;
      readable = false;
      [st] = [];
      [p];
      [it];
      [Nt];
      [B] = "begin";
      [dt] = "";
      [V];
      [he];
      [ut] = false;
      [w];
      [$] = false;
      [It];
      [je] = false;
      [ti] = false;
      [Yt] = false;
      [ae] = false;
      [Yi] = false;
      [le] = 0;
      [$i] = 0;
      constructor(t = {}) {
        super(), this.file = t.file || "", this.on(Je, () => {
          (this[B] === "begin" || this[It] === false) && this.warn("TAR_BAD_ARCHIVE", "Unrecognized archive format");
        }), t.ondone ? this.on(Je, t.ondone) : this.on(Je, () => {
          this.emit("prefinish"), this.emit("finish"), this.emit("end");
        }), this.strict = !!t.strict, this.maxDecompressionRatio = typeof t.maxDecompressionRatio == "number" ? t.maxDecompressionRatio : In, this.maxMetaEntrySize = t.maxMetaEntrySize || Nn, this.filter = typeof t.filter == "function" ? t.filter : Cn;
        let e = t.file && (t.file.endsWith(".tar.br") || t.file.endsWith(".tbr"));
        this.brotli = !(t.gzip || t.zstd) && t.brotli !== void 0 ? t.brotli : e ? void 0 : false;
        let i = t.file && (t.file.endsWith(".tar.zst") || t.file.endsWith(".tzst"));
        this.zstd = !(t.gzip || t.brotli) && t.zstd !== void 0 ? t.zstd : i ? true : void 0, this.on("end", () => this[$s]()), typeof t.onwarn == "function" && this.on("warn", t.onwarn), typeof t.onReadEntry == "function" && this.on("entry", t.onReadEntry);
      }
      warn(t, e, i = {}) {
        Dt(this, t, e, i);
      }
      [Vs](t, e) {
        this[It] === void 0 && (this[It] = false);
        let i;
        try {
          i = new F(t, e, this[V], this[he]);
        } catch (r) {
          return this.warn("TAR_ENTRY_INVALID", r);
        }
        if (i.nullBlock) this[je] ? (this[ti] = true, this[B] === "begin" && (this[B] = "header"), this[At]("eof")) : (this[je] = true, this[At]("nullBlock"));
        else if (this[je] = false, !i.cksumValid) this.warn("TAR_ENTRY_INVALID", "checksum failure", { header: i });
        else if (!i.path) this.warn("TAR_ENTRY_INVALID", "path is required", { header: i });
        else {
          let r = i.type;
          if (/^(Symbolic)?Link$/.test(r) && !i.linkpath) this.warn("TAR_ENTRY_INVALID", "linkpath required", { header: i });
          else if (!/^(Symbolic)?Link$/.test(r) && !/^(Global)?ExtendedHeader$/.test(r) && i.linkpath) this.warn("TAR_ENTRY_INVALID", "linkpath forbidden", { header: i });
          else {
            let n = this[Nt] = new $e(i, this[V], this[he]);
            if (!this[It]) if (n.remain) {
              let o = () => {
                n.invalid || (this[It] = true);
              };
              n.on("end", o);
            } else this[It] = true;
            n.meta ? n.size > this.maxMetaEntrySize ? (n.ignore = true, this[At]("ignoredEntry", n), this[B] = "ignore", n.resume()) : n.size > 0 && (this[dt] = "", n.on("data", (o) => this[dt] += o), this[B] = "meta") : (this[V] = void 0, n.ignore = n.ignore || !this.filter(n.path, n), n.ignore ? (this[At]("ignoredEntry", n), this[B] = n.remain ? "ignore" : "header", n.resume()) : (n.remain ? this[B] = "body" : (this[B] = "header", n.end()), this[it] ? this[st].push(n) : (this[st].push(n), this[Zi]())));
          }
        }
      }
      [$s]() {
        queueMicrotask(() => this.emit("close"));
      }
      [Zs](t) {
        let e = true;
        if (!t) this[it] = void 0, e = false;
        else if (Array.isArray(t)) {
          let [i, ...r] = t;
          this.emit(i, ...r);
        } else this[it] = t, this.emit("entry", t), t.emittedEnd || (t.on("end", () => this[Zi]()), e = false);
        return e;
      }
      [Zi]() {
        do
          ;
        while (this[Zs](this[st].shift()));
        if (this[st].length === 0) {
          let t = this[it];
          !t || t.flowing || t.size === t.remain ? this[Yt] || this.emit("drain") : t.once("drain", () => this.emit("drain"));
        }
      }
      [Ki](t, e) {
        let i = this[Nt];
        if (!i) throw new Error("attempt to consume body without entry??");
        let r = i.blockRemain ?? 0, n = r >= t.length && e === 0 ? t : t.subarray(e, e + r);
        return i.write(n), i.blockRemain || (this[B] = "header", this[Nt] = void 0, i.end()), n.length;
      }
      [Ks](t, e) {
        let i = this[Nt], r = this[Ki](t, e);
        return !this[Nt] && i && this[Ys](i), r;
      }
      [At](t, e, i) {
        this[st].length === 0 && !this[it] ? this.emit(t, e, i) : this[st].push([t, e, i]);
      }
      [Ys](t) {
        switch (this[At]("meta", this[dt]), t.type) {
          case "ExtendedHeader":
          case "OldExtendedHeader":
            this[V] = ft.parse(this[dt], this[V], false);
            break;
          case "GlobalExtendedHeader":
            this[he] = ft.parse(this[dt], this[he], true);
            break;
          case "NextFileHasLongPath":
          case "OldGnuLongPath": {
            let e = this[V] ?? /* @__PURE__ */ Object.create(null);
            this[V] = e, e.path = this[dt].replace(/\0.*/, "");
            break;
          }
          case "NextFileHasLongLinkpath": {
            let e = this[V] || /* @__PURE__ */ Object.create(null);
            this[V] = e, e.linkpath = this[dt].replace(/\0.*/, "");
            break;
          }
          default:
            throw new Error("unknown meta: " + t.type);
        }
      }
      abort(t) {
        if (!this[$]) {
          if (this[w]) {
            let e = this[w];
            e.write = () => true, e.end = () => e, e.emit = () => false, e.destroy?.();
          }
          this[$] = true, this.emit("abort", t), this.warn("TAR_ABORT", t, { recoverable: false });
        }
      }
      [Xs](t) {
        this[$i] += t.length;
        let e = this[$i] / this[le];
        return e > this.maxDecompressionRatio ? (this.abort(new Error(`max decompression ratio exceeded: ${e.toFixed(2)} > ${this.maxDecompressionRatio}`)), false) : true;
      }
      write(t, e, i) {
        if (typeof e == "function" && (i = e, e = void 0), typeof t == "string" && (t = Buffer.from(t, typeof e == "string" ? e : "utf8")), this[$]) return i?.(), false;
        if ((this[w] === void 0 || this.brotli === void 0 && this[w] === false) && t) {
          if (this[p] && (t = Buffer.concat([this[p], t]), this[p] = void 0), t.length < An) return this[p] = t, i?.(), true;
          for (let a = 0; this[w] === void 0 && a < Xi.length; a++) t[a] !== Xi[a] && (this[w] = false);
          let o = false;
          if (this[w] === false && this.zstd !== false) {
            o = true;
            for (let a = 0; a < qi.length; a++) if (t[a] !== qi[a]) {
              o = false;
              break;
            }
          }
          let h = this.brotli === void 0 && !o;
          if (this[w] === false && h) if (t.length < 512) if (this[ut]) this.brotli = true;
          else return this[p] = t, i?.(), true;
          else try {
            new F(t.subarray(0, 512)), this.brotli = false;
          } catch {
            this.brotli = true;
          }
          if (this[w] === void 0 || this[w] === false && (this.brotli || o)) {
            let a = this[ut];
            this[ut] = false, this[w] = this[w] === void 0 ? new Ue({}) : o ? new Ke({}) : new Ge({}), this[w].on("data", (c) => {
              this[Xs](c) && this[Xe](c);
            }), this[w].on("error", (c) => {
              this[$] || this.abort(c);
            }), this[w].on("end", () => {
              this[ut] = true, this[Xe]();
            }), this[Yt] = true, this[le] += t.length;
            let l = !!this[w][a ? "end" : "write"](t);
            return this[Yt] = false, i?.(), l;
          }
        }
        this[Yt] = true, this[w] ? (this[le] += t.length, this[w].write(t)) : this[Xe](t), this[Yt] = false;
        let n = this[st].length > 0 ? false : this[it] ? this[it].flowing : true;
        return !n && this[st].length === 0 && this[it]?.once("drain", () => this.emit("drain")), i?.(), n;
      }
      [Vi](t) {
        t && !this[$] && (this[p] = this[p] ? Buffer.concat([this[p], t]) : t);
      }
      [Qe]() {
        if (this[ut] && !this[Yi] && !this[$] && !this[ae]) {
          this[Yi] = true;
          let t = this[Nt];
          if (t?.blockRemain) {
            let e = this[p] ? this[p].length : 0;
            this.warn("TAR_BAD_ARCHIVE", `Truncated input (needed ${t.blockRemain} more bytes, only ${e} available)`, { entry: t }), this[p] && t.write(this[p]), t.end();
          }
          this[At](Je);
        }
      }
      [Xe](t) {
        if (this[ae] && t) this[Vi](t);
        else if (!t && !this[p]) this[Qe]();
        else if (t) {
          if (this[ae] = true, this[p]) {
            this[Vi](t);
            let e = this[p];
            this[p] = void 0, this[qe](e);
          } else this[qe](t);
          for (; this[p] && this[p]?.length >= 512 && !this[$] && !this[ti]; ) {
            let e = this[p];
            this[p] = void 0, this[qe](e);
          }
          this[ae] = false;
        }
        (!this[p] || this[ut]) && this[Qe]();
      }
      [qe](t) {
        let e = 0, i = t.length;
        for (; e + 512 <= i && !this[$] && !this[ti]; ) switch (this[B]) {
          case "begin":
          case "header":
            this[Vs](t, e), e += 512;
            break;
          case "ignore":
          case "body":
            e += this[Ki](t, e);
            break;
          case "meta":
            e += this[Ks](t, e);
            break;
          default:
            throw new Error("invalid state: " + this[B]);
        }
        e < i && (this[p] = this[p] ? Buffer.concat([t.subarray(e), this[p]]) : t.subarray(e));
      }
      end(t, e, i) {
        return typeof t == "function" && (i = t, e = void 0, t = void 0), typeof e == "function" && (i = e, e = void 0), typeof t == "string" && (t = Buffer.from(t, e)), i && this.once("finish", i), this[$] || (this[w] ? (t && (this[le] += t.length, this[w].write(t)), this[w].end()) : (this[ut] = true, (this.brotli === void 0 || this.zstd === void 0) && (t = t || Buffer.alloc(0)), t && this.write(t), this[Qe]())), this;
      }
    };
    mt = (s3) => {
      let t = s3.length - 1, e = -1;
      for (; t > -1 && s3.charAt(t) === "/"; ) e = t, t--;
      return e === -1 ? s3 : s3.slice(0, e);
    };
    vn = (s3) => {
      let t = s3.onReadEntry;
      s3.onReadEntry = t ? (e) => {
        t(e), e.resume();
      } : (e) => e.resume();
    };
    Qi = (s3, t) => {
      let e = new Map(t.map((o) => [mt(o), true])), i = s3.filter, r = 100, n = (o, h = "", a = 0) => {
        if (a >= r) return e.set(o, false), false;
        let l = h || kn(o).root || ".", c;
        if (o === l) c = false;
        else {
          let d = e.get(o);
          c = d !== void 0 ? d : n(Fn(o), l, a + 1);
        }
        return e.set(o, c), c;
      };
      s3.filter = i ? (o, h) => i(o, h) && n(mt(o)) : (o) => n(mt(o));
    };
    Mn = (s3) => {
      let t = new rt(s3), e = s3.file, i;
      try {
        i = Kt.openSync(e, "r");
        let r = Kt.fstatSync(i), n = s3.maxReadSize || 16 * 1024 * 1024;
        if (r.size < n) {
          let o = Buffer.allocUnsafe(r.size), h = Kt.readSync(i, o, 0, r.size, 0);
          t.end(h === o.byteLength ? o : o.subarray(0, h));
        } else {
          let o = 0, h = Buffer.allocUnsafe(n);
          for (; o < r.size; ) {
            let a = Kt.readSync(i, h, 0, n, o);
            if (a === 0) break;
            o += a, t.write(h.subarray(0, a));
          }
          t.end();
        }
      } finally {
        if (typeof i == "number") try {
          Kt.closeSync(i);
        } catch {
        }
      }
    };
    Bn = (s3, t) => {
      let e = new rt(s3), i = s3.maxReadSize || 16 * 1024 * 1024, r = s3.file;
      return new Promise((o, h) => {
        e.on("error", h), e.on("end", o), Kt.stat(r, (a, l) => {
          if (a) h(a);
          else {
            let c = new _t(r, { readSize: i, size: l.size });
            c.on("error", h), c.pipe(e);
          }
        });
      });
    };
    Ct = K(Mn, Bn, (s3) => new rt(s3), (s3) => new rt(s3), (s3, t) => {
      t?.length && Qi(s3, t), s3.noResume || vn(s3);
    });
    Ji = (s3, t, e) => (s3 &= 4095, e && (s3 = (s3 | 384) & -19), t && (s3 & 256 && (s3 |= 64), s3 & 32 && (s3 |= 8), s3 & 4 && (s3 |= 1)), s3);
    ({ isAbsolute: zn, parse: qs } = Pn);
    ce = (s3) => {
      let t = "", e = qs(s3);
      for (; zn(s3) || e.root; ) {
        let i = s3.charAt(0) === "/" && s3.slice(0, 4) !== "//?/" ? "/" : e.root;
        s3 = s3.slice(i.length), t += i, e = qs(s3);
      }
      return [t, s3];
    };
    ei = ["|", "<", ">", "?", ":"];
    ji = ei.map((s3) => String.fromCodePoint(61440 + Number(s3.codePointAt(0))));
    Un = new Map(ei.map((s3, t) => [s3, ji[t]]));
    Hn = new Map(ji.map((s3, t) => [s3, ei[t]]));
    ts = (s3) => ei.reduce((t, e) => t.split(e).join(Un.get(e)), s3);
    Qs = (s3) => ji.reduce((t, e) => t.split(e).join(Hn.get(e)), s3);
    rr = (s3, t) => t ? (s3 = f(s3).replace(/^\.(\/|$)/, ""), mt(t) + "/" + s3) : f(s3);
    Wn = 16 * 1024 * 1024;
    tr = Symbol("process");
    er = Symbol("file");
    ir = Symbol("directory");
    is = Symbol("symlink");
    sr = Symbol("hardlink");
    fe = Symbol("header");
    ii = Symbol("read");
    ss = Symbol("lstat");
    si = Symbol("onlstat");
    rs = Symbol("onread");
    ns = Symbol("onreadlink");
    os2 = Symbol("openfile");
    hs = Symbol("onopenfile");
    pt = Symbol("close");
    ri = Symbol("mode");
    as = Symbol("awaitDrain");
    es = Symbol("ondrain");
    q = Symbol("prefix");
    de = class extends A {
      path;
      portable;
      myuid = process.getuid && process.getuid() || 0;
      myuser = process.env.USER || "";
      maxReadSize;
      linkCache;
      statCache;
      preservePaths;
      cwd;
      strict;
      mtime;
      noPax;
      noMtime;
      prefix;
      fd;
      blockLen = 0;
      blockRemain = 0;
      buf;
      pos = 0;
      remain = 0;
      length = 0;
      offset = 0;
      win32;
      absolute;
      header;
      type;
      linkpath;
      stat;
      onWriteEntry;
      #t = false;
      constructor(t, e = {}) {
        let i = se(e);
        super(), this.path = f(t), this.portable = !!i.portable, this.maxReadSize = i.maxReadSize || Wn, this.linkCache = i.linkCache || /* @__PURE__ */ new Map(), this.statCache = i.statCache || /* @__PURE__ */ new Map(), this.preservePaths = !!i.preservePaths, this.cwd = f(i.cwd || process.cwd()), this.strict = !!i.strict, this.noPax = !!i.noPax, this.noMtime = !!i.noMtime, this.mtime = i.mtime, this.prefix = i.prefix ? f(i.prefix) : void 0, this.onWriteEntry = i.onWriteEntry, typeof i.onwarn == "function" && this.on("warn", i.onwarn);
        let r = false;
        if (!this.preservePaths) {
          let [o, h] = ce(this.path);
          o && typeof h == "string" && (this.path = h, r = o);
        }
        this.win32 = !!i.win32 || process.platform === "win32", this.win32 && (this.path = Qs(this.path.replaceAll(/\\/g, "/")), t = t.replaceAll(/\\/g, "/")), this.absolute = f(i.absolute || js.resolve(this.cwd, t)), this.path === "" && (this.path = "./"), r && this.warn("TAR_ENTRY_INFO", `stripping ${r} from absolute path`, { entry: this, path: r + this.path });
        let n = this.statCache.get(this.absolute);
        n ? this[si](n) : this[ss]();
      }
      warn(t, e, i = {}) {
        return Dt(this, t, e, i);
      }
      emit(t, ...e) {
        return t === "error" && (this.#t = true), super.emit(t, ...e);
      }
      [ss]() {
        X.lstat(this.absolute, (t, e) => {
          if (t) return this.emit("error", t);
          this[si](e);
        });
      }
      [si](t) {
        this.statCache.set(this.absolute, t), this.stat = t, t.isFile() || (t.size = 0), this.type = Gn(t), this.emit("stat", t), this[tr]();
      }
      [tr]() {
        switch (this.type) {
          case "File":
            return this[er]();
          case "Directory":
            return this[ir]();
          case "SymbolicLink":
            return this[is]();
          default:
            return this.end();
        }
      }
      [ri](t) {
        return Ji(t, this.type === "Directory", this.portable);
      }
      [q](t) {
        return rr(t, this.prefix);
      }
      [fe]() {
        if (!this.stat) throw new Error("cannot write header before stat");
        this.type === "Directory" && this.portable && (this.noMtime = true), this.onWriteEntry?.(this), this.header = new F({ path: this[q](this.path), linkpath: this.type === "Link" && this.linkpath !== void 0 ? this[q](this.linkpath) : this.linkpath, mode: this[ri](this.stat.mode), uid: this.portable ? void 0 : this.stat.uid, gid: this.portable ? void 0 : this.stat.gid, size: this.stat.size, mtime: this.noMtime ? void 0 : this.mtime || this.stat.mtime, type: this.type === "Unsupported" ? void 0 : this.type, uname: this.portable ? void 0 : this.stat.uid === this.myuid ? this.myuser : "", atime: this.portable ? void 0 : this.stat.atime, ctime: this.portable ? void 0 : this.stat.ctime }), this.header.encode() && !this.noPax && super.write(new ft({ atime: this.portable ? void 0 : this.header.atime, ctime: this.portable ? void 0 : this.header.ctime, gid: this.portable ? void 0 : this.header.gid, mtime: this.noMtime ? void 0 : this.mtime || this.header.mtime, path: this[q](this.path), linkpath: this.type === "Link" && this.linkpath !== void 0 ? this[q](this.linkpath) : this.linkpath, size: this.header.size, uid: this.portable ? void 0 : this.header.uid, uname: this.portable ? void 0 : this.header.uname, dev: this.portable ? void 0 : this.stat.dev, ino: this.portable ? void 0 : this.stat.ino, nlink: this.portable ? void 0 : this.stat.nlink }).encode());
        let t = this.header?.block;
        if (!t) throw new Error("failed to encode header");
        super.write(t);
      }
      [ir]() {
        if (!this.stat) throw new Error("cannot create directory entry without stat");
        this.path.slice(-1) !== "/" && (this.path += "/"), this.stat.size = 0, this[fe](), this.end();
      }
      [is]() {
        X.readlink(this.absolute, (t, e) => {
          if (t) return this.emit("error", t);
          this[ns](e);
        });
      }
      [ns](t) {
        this.linkpath = f(t), this[fe](), this.end();
      }
      [sr](t) {
        if (!this.stat) throw new Error("cannot create link entry without stat");
        this.type = "Link", this.linkpath = f(js.relative(this.cwd, t)), this.stat.size = 0, this[fe](), this.end();
      }
      [er]() {
        if (!this.stat) throw new Error("cannot create file entry without stat");
        if (this.stat.nlink > 1) {
          let t = `${this.stat.dev}:${this.stat.ino}`, e = this.linkCache.get(t);
          if (e?.indexOf(this.cwd) === 0) return this[sr](e);
          this.linkCache.set(t, this.absolute);
        }
        if (this[fe](), this.stat.size === 0) return this.end();
        this[os2]();
      }
      [os2]() {
        X.open(this.absolute, "r", (t, e) => {
          if (t) return this.emit("error", t);
          this[hs](e);
        });
      }
      [hs](t) {
        if (this.fd = t, this.#t) return this[pt]();
        if (!this.stat) throw new Error("should stat before calling onopenfile");
        this.blockLen = 512 * Math.ceil(this.stat.size / 512), this.blockRemain = this.blockLen;
        let e = Math.min(this.blockLen, this.maxReadSize);
        this.buf = Buffer.allocUnsafe(e), this.offset = 0, this.pos = 0, this.remain = this.stat.size, this.length = this.buf.length, this[ii]();
      }
      [ii]() {
        let { fd: t, buf: e, offset: i, length: r, pos: n } = this;
        if (t === void 0 || e === void 0) throw new Error("cannot read file without first opening");
        X.read(t, e, i, r, n, (o, h) => {
          if (o) return this[pt](() => this.emit("error", o));
          this[rs](h);
        });
      }
      [pt](t = () => {
      }) {
        this.fd !== void 0 && X.close(this.fd, t);
      }
      [rs](t) {
        if (t <= 0 && this.remain > 0) {
          let r = Object.assign(new Error("encountered unexpected EOF"), { path: this.absolute, syscall: "read", code: "EOF" });
          return this[pt](() => this.emit("error", r));
        }
        if (t > this.remain) {
          let r = Object.assign(new Error("did not encounter expected EOF"), { path: this.absolute, syscall: "read", code: "EOF" });
          return this[pt](() => this.emit("error", r));
        }
        if (!this.buf) throw new Error("should have created buffer prior to reading");
        if (t === this.remain) for (let r = t; r < this.length && t < this.blockRemain; r++) this.buf[r + this.offset] = 0, t++, this.remain++;
        let e = this.offset === 0 && t === this.buf.length ? this.buf : this.buf.subarray(this.offset, this.offset + t);
        this.write(e) ? this[es]() : this[as](() => this[es]());
      }
      [as](t) {
        this.once("drain", t);
      }
      write(t, e, i) {
        if (typeof e == "function" && (i = e, e = void 0), typeof t == "string" && (t = Buffer.from(t, typeof e == "string" ? e : "utf8")), this.blockRemain < t.length) {
          let r = Object.assign(new Error("writing more data than expected"), { path: this.absolute });
          return this.emit("error", r);
        }
        return this.remain -= t.length, this.blockRemain -= t.length, this.pos += t.length, this.offset += t.length, super.write(t, null, i);
      }
      [es]() {
        if (!this.remain) return this.blockRemain && super.write(Buffer.alloc(this.blockRemain)), this[pt]((t) => t ? this.emit("error", t) : this.end());
        if (!this.buf) throw new Error("buffer lost somehow in ONDRAIN");
        this.offset >= this.length && (this.buf = Buffer.allocUnsafe(Math.min(this.blockRemain, this.buf.length)), this.offset = 0), this.length = this.buf.length - this.offset, this[ii]();
      }
    };
    ni = class extends de {
      sync = true;
      [ss]() {
        this[si](X.lstatSync(this.absolute));
      }
      [is]() {
        this[ns](X.readlinkSync(this.absolute));
      }
      [os2]() {
        this[hs](X.openSync(this.absolute, "r"));
      }
      [ii]() {
        let t = true;
        try {
          let { fd: e, buf: i, offset: r, length: n, pos: o } = this;
          if (e === void 0 || i === void 0) throw new Error("fd and buf must be set in READ method");
          let h = X.readSync(e, i, r, n, o);
          this[rs](h), t = false;
        } finally {
          if (t) try {
            this[pt](() => {
            });
          } catch {
          }
        }
      }
      [as](t) {
        t();
      }
      [pt](t = () => {
      }) {
        this.fd !== void 0 && X.closeSync(this.fd), t();
      }
    };
    oi = class extends A {
      blockLen = 0;
      blockRemain = 0;
      buf = 0;
      pos = 0;
      remain = 0;
      length = 0;
      preservePaths;
      portable;
      strict;
      noPax;
      noMtime;
      readEntry;
      type;
      prefix;
      path;
      mode;
      uid;
      gid;
      uname;
      gname;
      header;
      mtime;
      atime;
      ctime;
      linkpath;
      size;
      onWriteEntry;
      warn(t, e, i = {}) {
        return Dt(this, t, e, i);
      }
      constructor(t, e = {}) {
        let i = se(e);
        super(), this.preservePaths = !!i.preservePaths, this.portable = !!i.portable, this.strict = !!i.strict, this.noPax = !!i.noPax, this.noMtime = !!i.noMtime, this.onWriteEntry = i.onWriteEntry, this.readEntry = t;
        let { type: r } = t;
        if (r === "Unsupported") throw new Error("writing entry that should be ignored");
        this.type = r, this.type === "Directory" && this.portable && (this.noMtime = true), this.prefix = i.prefix, this.path = f(t.path), this.mode = t.mode !== void 0 ? this[ri](t.mode) : void 0, this.uid = this.portable ? void 0 : t.uid, this.gid = this.portable ? void 0 : t.gid, this.uname = this.portable ? void 0 : t.uname, this.gname = this.portable ? void 0 : t.gname, this.size = t.size, this.mtime = this.noMtime ? void 0 : i.mtime || t.mtime, this.atime = this.portable ? void 0 : t.atime, this.ctime = this.portable ? void 0 : t.ctime, this.linkpath = t.linkpath !== void 0 ? f(t.linkpath) : void 0, typeof i.onwarn == "function" && this.on("warn", i.onwarn);
        let n = false;
        if (!this.preservePaths) {
          let [h, a] = ce(this.path);
          h && typeof a == "string" && (this.path = a, n = h);
        }
        this.remain = t.size, this.blockRemain = t.startBlockSize, this.onWriteEntry?.(this), this.header = new F({ path: this[q](this.path), linkpath: this.type === "Link" && this.linkpath !== void 0 ? this[q](this.linkpath) : this.linkpath, mode: this.mode, uid: this.portable ? void 0 : this.uid, gid: this.portable ? void 0 : this.gid, size: this.size, mtime: this.noMtime ? void 0 : this.mtime, type: this.type, uname: this.portable ? void 0 : this.uname, atime: this.portable ? void 0 : this.atime, ctime: this.portable ? void 0 : this.ctime }), n && this.warn("TAR_ENTRY_INFO", `stripping ${n} from absolute path`, { entry: this, path: n + this.path }), this.header.encode() && !this.noPax && super.write(new ft({ atime: this.portable ? void 0 : this.atime, ctime: this.portable ? void 0 : this.ctime, gid: this.portable ? void 0 : this.gid, mtime: this.noMtime ? void 0 : this.mtime, path: this[q](this.path), linkpath: this.type === "Link" && this.linkpath !== void 0 ? this[q](this.linkpath) : this.linkpath, size: this.size, uid: this.portable ? void 0 : this.uid, uname: this.portable ? void 0 : this.uname, dev: this.portable ? void 0 : this.readEntry.dev, ino: this.portable ? void 0 : this.readEntry.ino, nlink: this.portable ? void 0 : this.readEntry.nlink }).encode());
        let o = this.header?.block;
        if (!o) throw new Error("failed to encode header");
        super.write(o), t.pipe(this);
      }
      [q](t) {
        return rr(t, this.prefix);
      }
      [ri](t) {
        return Ji(t, this.type === "Directory", this.portable);
      }
      write(t, e, i) {
        typeof e == "function" && (i = e, e = void 0), typeof t == "string" && (t = Buffer.from(t, typeof e == "string" ? e : "utf8"));
        let r = t.length;
        if (r > this.blockRemain) throw new Error("writing more to entry than is appropriate");
        return this.blockRemain -= r, super.write(t, i);
      }
      end(t, e, i) {
        return this.blockRemain && super.write(Buffer.alloc(this.blockRemain)), typeof t == "function" && (i = t, e = void 0, t = void 0), typeof e == "function" && (i = e, e = void 0), typeof t == "string" && (t = Buffer.from(t, e ?? "utf8")), i && this.once("finish", i), t ? super.end(t, i) : super.end(i), this;
      }
    };
    Gn = (s3) => s3.isFile() ? "File" : s3.isDirectory() ? "Directory" : s3.isSymbolicLink() ? "SymbolicLink" : "Unsupported";
    hi = class s2 {
      tail;
      head;
      length = 0;
      static create(t = []) {
        return new s2(t);
      }
      constructor(t = []) {
        for (let e of t) this.push(e);
      }
      *[Symbol.iterator]() {
        for (let t = this.head; t; t = t.next) yield t.value;
      }
      removeNode(t) {
        if (t.list !== this) throw new Error("removing node which does not belong to this list");
        let e = t.next, i = t.prev;
        return e && (e.prev = i), i && (i.next = e), t === this.head && (this.head = e), t === this.tail && (this.tail = i), this.length--, t.next = void 0, t.prev = void 0, t.list = void 0, e;
      }
      unshiftNode(t) {
        if (t === this.head) return;
        t.list && t.list.removeNode(t);
        let e = this.head;
        t.list = this, t.next = e, e && (e.prev = t), this.head = t, this.tail || (this.tail = t), this.length++;
      }
      pushNode(t) {
        if (t === this.tail) return;
        t.list && t.list.removeNode(t);
        let e = this.tail;
        t.list = this, t.prev = e, e && (e.next = t), this.tail = t, this.head || (this.head = t), this.length++;
      }
      push(...t) {
        for (let e = 0, i = t.length; e < i; e++) Yn(this, t[e]);
        return this.length;
      }
      unshift(...t) {
        for (var e = 0, i = t.length; e < i; e++) Kn(this, t[e]);
        return this.length;
      }
      pop() {
        if (!this.tail) return;
        let t = this.tail.value, e = this.tail;
        return this.tail = this.tail.prev, this.tail ? this.tail.next = void 0 : this.head = void 0, e.list = void 0, this.length--, t;
      }
      shift() {
        if (!this.head) return;
        let t = this.head.value, e = this.head;
        return this.head = this.head.next, this.head ? this.head.prev = void 0 : this.tail = void 0, e.list = void 0, this.length--, t;
      }
      forEach(t, e) {
        e = e || this;
        for (let i = this.head, r = 0; i; r++) t.call(e, i.value, r, this), i = i.next;
      }
      forEachReverse(t, e) {
        e = e || this;
        for (let i = this.tail, r = this.length - 1; i; r--) t.call(e, i.value, r, this), i = i.prev;
      }
      get(t) {
        let e = 0, i = this.head;
        for (; i && e < t; e++) i = i.next;
        if (e === t && i) return i.value;
      }
      getReverse(t) {
        let e = 0, i = this.tail;
        for (; i && e < t; e++) i = i.prev;
        if (e === t && i) return i.value;
      }
      map(t, e) {
        e = e || this;
        let i = new s2();
        for (let r = this.head; r; ) i.push(t.call(e, r.value, this)), r = r.next;
        return i;
      }
      mapReverse(t, e) {
        e = e || this;
        var i = new s2();
        for (let r = this.tail; r; ) i.push(t.call(e, r.value, this)), r = r.prev;
        return i;
      }
      reduce(t, e) {
        let i, r = this.head;
        if (arguments.length > 1) i = e;
        else if (this.head) r = this.head.next, i = this.head.value;
        else throw new TypeError("Reduce of empty list with no initial value");
        for (var n = 0; r; n++) i = t(i, r.value, n), r = r.next;
        return i;
      }
      reduceReverse(t, e) {
        let i, r = this.tail;
        if (arguments.length > 1) i = e;
        else if (this.tail) r = this.tail.prev, i = this.tail.value;
        else throw new TypeError("Reduce of empty list with no initial value");
        for (let n = this.length - 1; r; n--) i = t(i, r.value, n), r = r.prev;
        return i;
      }
      toArray() {
        let t = new Array(this.length);
        for (let e = 0, i = this.head; i; e++) t[e] = i.value, i = i.next;
        return t;
      }
      toArrayReverse() {
        let t = new Array(this.length);
        for (let e = 0, i = this.tail; i; e++) t[e] = i.value, i = i.prev;
        return t;
      }
      slice(t = 0, e = this.length) {
        e < 0 && (e += this.length), t < 0 && (t += this.length);
        let i = new s2();
        if (e < t || e < 0) return i;
        t < 0 && (t = 0), e > this.length && (e = this.length);
        let r = this.head, n = 0;
        for (n = 0; r && n < t; n++) r = r.next;
        for (; r && n < e; n++, r = r.next) i.push(r.value);
        return i;
      }
      sliceReverse(t = 0, e = this.length) {
        e < 0 && (e += this.length), t < 0 && (t += this.length);
        let i = new s2();
        if (e < t || e < 0) return i;
        t < 0 && (t = 0), e > this.length && (e = this.length);
        let r = this.length, n = this.tail;
        for (; n && r > e; r--) n = n.prev;
        for (; n && r > t; r--, n = n.prev) i.push(n.value);
        return i;
      }
      splice(t, e = 0, ...i) {
        t > this.length && (t = this.length - 1), t < 0 && (t = this.length + t);
        let r = this.head;
        for (let o = 0; r && o < t; o++) r = r.next;
        let n = [];
        for (let o = 0; r && o < e; o++) n.push(r.value), r = this.removeNode(r);
        r ? r !== this.tail && (r = r.prev) : r = this.tail;
        for (let o of i) r = Zn(this, r, o);
        return n;
      }
      reverse() {
        let t = this.head, e = this.tail;
        for (let i = t; i; i = i.prev) {
          let r = i.prev;
          i.prev = i.next, i.next = r;
        }
        return this.head = e, this.tail = t, this;
      }
    };
    ue = class {
      list;
      next;
      prev;
      value;
      constructor(t, e, i, r) {
        this.list = r, this.value = t, e ? (e.next = this, this.prev = e) : this.prev = void 0, i ? (i.prev = this, this.next = i) : this.next = void 0;
      }
    };
    pi = class {
      path;
      absolute;
      entry;
      stat;
      readdir;
      pending = false;
      pendingLink = false;
      ignore = false;
      piped = false;
      constructor(t, e) {
        this.path = t || "./", this.absolute = e;
      }
    };
    nr = Buffer.alloc(1024);
    li = Symbol("onStat");
    me = Symbol("ended");
    W = Symbol("queue");
    pe = Symbol("pendingLinks");
    Et = Symbol("current");
    Ft = Symbol("process");
    Ee = Symbol("processing");
    ai = Symbol("processJob");
    G = Symbol("jobs");
    ls = Symbol("jobDone");
    ci = Symbol("addFSEntry");
    or = Symbol("addTarEntry");
    ds = Symbol("stat");
    us = Symbol("readdir");
    fi = Symbol("onreaddir");
    di = Symbol("pipe");
    hr = Symbol("entry");
    cs = Symbol("entryOpt");
    ui = Symbol("writeEntryClass");
    lr = Symbol("write");
    fs = Symbol("ondrain");
    wt = class extends A {
      sync = false;
      opt;
      cwd;
      maxReadSize;
      preservePaths;
      strict;
      noPax;
      prefix;
      linkCache;
      statCache;
      file;
      portable;
      zip;
      readdirCache;
      noDirRecurse;
      follow;
      noMtime;
      mtime;
      filter;
      jobs;
      [ui];
      onWriteEntry;
      [W];
      [pe] = /* @__PURE__ */ new Map();
      [G] = 0;
      [Ee] = false;
      [me] = false;
      constructor(t = {}) {
        if (super(), this.opt = t, this.file = t.file || "", this.cwd = t.cwd || process.cwd(), this.maxReadSize = t.maxReadSize, this.preservePaths = !!t.preservePaths, this.strict = !!t.strict, this.noPax = !!t.noPax, this.prefix = f(t.prefix || ""), this.linkCache = t.linkCache || /* @__PURE__ */ new Map(), this.statCache = t.statCache || /* @__PURE__ */ new Map(), this.readdirCache = t.readdirCache || /* @__PURE__ */ new Map(), this.onWriteEntry = t.onWriteEntry, this[ui] = de, typeof t.onwarn == "function" && this.on("warn", t.onwarn), this.portable = !!t.portable, t.gzip || t.brotli || t.zstd) {
          if ((t.gzip ? 1 : 0) + (t.brotli ? 1 : 0) + (t.zstd ? 1 : 0) > 1) throw new TypeError("gzip, brotli, zstd are mutually exclusive");
          if (t.gzip && (typeof t.gzip != "object" && (t.gzip = {}), this.portable && (t.gzip.portable = true), this.zip = new ze(t.gzip)), t.brotli && (typeof t.brotli != "object" && (t.brotli = {}), this.zip = new We(t.brotli)), t.zstd && (typeof t.zstd != "object" && (t.zstd = {}), this.zip = new Ye(t.zstd)), !this.zip) throw new Error("impossible");
          let e = this.zip;
          e.on("data", (i) => super.write(i)), e.on("end", () => super.end()), e.on("drain", () => this[fs]()), this.on("resume", () => e.resume());
        } else this.on("drain", this[fs]);
        this.noDirRecurse = !!t.noDirRecurse, this.follow = !!t.follow, this.noMtime = !!t.noMtime, t.mtime && (this.mtime = t.mtime), this.filter = typeof t.filter == "function" ? t.filter : () => true, this[W] = new hi(), this[G] = 0, this.jobs = Number(t.jobs) || 4, this[Ee] = false, this[me] = false;
      }
      [lr](t) {
        return super.write(t);
      }
      add(t) {
        return this.write(t), this;
      }
      end(t, e, i) {
        return typeof t == "function" && (i = t, t = void 0), typeof e == "function" && (i = e, e = void 0), t && this.add(t), this[me] = true, this[Ft](), i && i(), this;
      }
      write(t) {
        if (this[me]) throw new Error("write after end");
        return typeof t == "string" ? this[ci](t) : this[or](t), this.flowing;
      }
      [or](t) {
        let e = f(ar.resolve(this.cwd, t.path));
        if (!this.filter(t.path, t)) t.resume();
        else {
          let i = new pi(t.path, e);
          i.entry = new oi(t, this[cs](i)), i.entry.on("end", () => this[ls](i)), this[G] += 1, this[W].push(i);
        }
        this[Ft]();
      }
      [ci](t) {
        let e = f(ar.resolve(this.cwd, t));
        this[W].push(new pi(t, e)), this[Ft]();
      }
      [ds](t) {
        t.pending = true, this[G] += 1;
        let e = this.follow ? "stat" : "lstat";
        mi[e](t.absolute, (i, r) => {
          t.pending = false, this[G] -= 1, i ? this.emit("error", i) : this[li](t, r);
        });
      }
      [li](t, e) {
        if (this.statCache.set(t.absolute, e), t.stat = e, !this.filter(t.path, e)) t.ignore = true;
        else if (e.isFile() && e.nlink > 1 && !this.linkCache.get(`${e.dev}:${e.ino}`) && !this.sync) if (t === this[Et]) this[ai](t);
        else {
          let i = `${e.dev}:${e.ino}`, r = this[pe].get(i);
          r ? r.push(t) : this[pe].set(i, [t]), t.pendingLink = true, t.pending = true;
        }
        this[Ft]();
      }
      [us](t) {
        t.pending = true, this[G] += 1, mi.readdir(t.absolute, (e, i) => {
          if (t.pending = false, this[G] -= 1, e) return this.emit("error", e);
          this[fi](t, i);
        });
      }
      [fi](t, e) {
        this.readdirCache.set(t.absolute, e), t.readdir = e, this[Ft]();
      }
      [Ft]() {
        if (!this[Ee]) {
          this[Ee] = true;
          for (let t = this[W].head; t && this[G] < this.jobs; t = t.next) if (this[ai](t.value), t.value.ignore) {
            let e = t.next;
            this[W].removeNode(t), t.next = e;
          }
          this[Ee] = false, this[me] && this[W].length === 0 && this[G] === 0 && (this.zip ? this.zip.end(nr) : (super.write(nr), super.end()));
        }
      }
      get [Et]() {
        return this[W] && this[W].head && this[W].head.value;
      }
      [ls](t) {
        this[W].shift(), this[G] -= 1;
        let { stat: e } = t;
        if (e && e.isFile() && e.nlink > 1) {
          let i = `${e.dev}:${e.ino}`, r = this[pe].get(i);
          if (r) {
            this[pe].delete(i);
            for (let n of r) n.pending = false, this[ai](n);
          }
        }
        this[Ft]();
      }
      [ai](t) {
        if (t.pending && t.pendingLink && t === this[Et] && (t.pending = false, t.pendingLink = false), !t.pending) {
          if (t.entry) {
            t === this[Et] && !t.piped && this[di](t);
            return;
          }
          if (!t.stat) {
            let e = this.statCache.get(t.absolute);
            e ? this[li](t, e) : this[ds](t);
          }
          if (t.stat && !t.ignore) {
            if (!this.noDirRecurse && t.stat.isDirectory() && !t.readdir) {
              let e = this.readdirCache.get(t.absolute);
              if (e ? this[fi](t, e) : this[us](t), !t.readdir) return;
            }
            if (t.entry = this[hr](t), !t.entry) {
              t.ignore = true;
              return;
            }
            t === this[Et] && !t.piped && this[di](t);
          }
        }
      }
      [cs](t) {
        return { onwarn: (e, i, r) => this.warn(e, i, r), noPax: this.noPax, cwd: this.cwd, absolute: t.absolute, preservePaths: this.preservePaths, maxReadSize: this.maxReadSize, strict: this.strict, portable: this.portable, linkCache: this.linkCache, statCache: this.statCache, noMtime: this.noMtime, mtime: this.mtime, prefix: this.prefix, onWriteEntry: this.onWriteEntry };
      }
      [hr](t) {
        this[G] += 1;
        try {
          return new this[ui](t.path, this[cs](t)).on("end", () => this[ls](t)).on("error", (i) => this.emit("error", i));
        } catch (e) {
          this.emit("error", e);
        }
      }
      [fs]() {
        this[Et] && this[Et].entry && this[Et].entry.resume();
      }
      [di](t) {
        t.piped = true, t.readdir && t.readdir.forEach((r) => {
          let n = t.path, o = n === "./" ? "" : n.replace(/\/*$/, "/");
          this[ci](o + r);
        });
        let e = t.entry, i = this.zip;
        if (!e) throw new Error("cannot pipe without source");
        i ? e.on("data", (r) => {
          i.write(r) || e.pause();
        }) : e.on("data", (r) => {
          super.write(r) || e.pause();
        });
      }
      pause() {
        return this.zip && this.zip.pause(), super.pause();
      }
      warn(t, e, i = {}) {
        Dt(this, t, e, i);
      }
    };
    kt = class extends wt {
      sync = true;
      constructor(t) {
        super(t), this[ui] = ni;
      }
      pause() {
      }
      resume() {
      }
      [ds](t) {
        let e = this.follow ? "statSync" : "lstatSync";
        this[li](t, mi[e](t.absolute));
      }
      [us](t) {
        this[fi](t, mi.readdirSync(t.absolute));
      }
      [di](t) {
        let e = t.entry, i = this.zip;
        if (t.readdir && t.readdir.forEach((r) => {
          let n = t.path, o = n === "./" ? "" : n.replace(/\/*$/, "/");
          this[ci](o + r);
        }), !e) throw new Error("Cannot pipe without source");
        i ? e.on("data", (r) => {
          i.write(r);
        }) : e.on("data", (r) => {
          super[lr](r);
        });
      }
    };
    Vn = (s3, t) => {
      let e = new kt(s3), i = new Wt(s3.file, { mode: s3.mode || 438 });
      e.pipe(i), fr(e, t);
    };
    $n = (s3, t) => {
      let e = new wt(s3), i = new et(s3.file, { mode: s3.mode || 438 });
      e.pipe(i);
      let r = new Promise((n, o) => {
        i.on("error", o), i.on("close", n), e.on("error", o);
      });
      return dr(e, t).catch((n) => e.emit("error", n)), r;
    };
    fr = (s3, t) => {
      t.forEach((e) => {
        e.charAt(0) === "@" ? Ct({ file: cr.resolve(s3.cwd, e.slice(1)), sync: true, noResume: true, onReadEntry: (i) => s3.add(i) }) : s3.add(e);
      }), s3.end();
    };
    dr = async (s3, t) => {
      for (let e of t) e.charAt(0) === "@" ? await Ct({ file: cr.resolve(String(s3.cwd), e.slice(1)), noResume: true, onReadEntry: (i) => {
        s3.add(i);
      } }) : s3.add(e);
      s3.end();
    };
    Xn = (s3, t) => {
      let e = new kt(s3);
      return fr(e, t), e;
    };
    qn = (s3, t) => {
      let e = new wt(s3);
      return dr(e, t).catch((i) => e.emit("error", i)), e;
    };
    Qn = K(Vn, $n, Xn, qn, (s3, t) => {
      if (!t?.length) throw new TypeError("no paths specified to add to archive");
    });
    Jn = process.env.__FAKE_PLATFORM__ || process.platform;
    Er = Jn === "win32";
    ({ O_CREAT: wr, O_NOFOLLOW: ur, O_TRUNC: Sr, O_WRONLY: yr } = pr.constants);
    Rr = Number(process.env.__FAKE_FS_O_FILENAME__) || pr.constants.UV_FS_O_FILEMAP || 0;
    jn = Er && !!Rr;
    to = 512 * 1024;
    eo = Rr | Sr | wr | yr;
    mr = !Er && typeof ur == "number" ? ur | Sr | wr | yr : null;
    ms = mr !== null ? () => mr : jn ? (s3) => s3 < to ? eo : "w" : () => "w";
    ps = (s3, t, e) => {
      try {
        return wi.lchownSync(s3, t, e);
      } catch (i) {
        if (i?.code !== "ENOENT") throw i;
      }
    };
    Ei = (s3, t, e, i) => {
      wi.lchown(s3, t, e, (r) => {
        i(r && r?.code !== "ENOENT" ? r : null);
      });
    };
    io = (s3, t, e, i, r) => {
      if (t.isDirectory()) Es(we.resolve(s3, t.name), e, i, (n) => {
        if (n) return r(n);
        let o = we.resolve(s3, t.name);
        Ei(o, e, i, r);
      });
      else {
        let n = we.resolve(s3, t.name);
        Ei(n, e, i, r);
      }
    };
    Es = (s3, t, e, i) => {
      wi.readdir(s3, { withFileTypes: true }, (r, n) => {
        if (r) {
          if (r.code === "ENOENT") return i();
          if (r.code !== "ENOTDIR" && r.code !== "ENOTSUP") return i(r);
        }
        if (r || !n.length) return Ei(s3, t, e, i);
        let o = n.length, h = null, a = (l) => {
          if (!h) {
            if (l) return i(h = l);
            if (--o === 0) return Ei(s3, t, e, i);
          }
        };
        for (let l of n) io(s3, l, t, e, a);
      });
    };
    so = (s3, t, e, i) => {
      t.isDirectory() && ws(we.resolve(s3, t.name), e, i), ps(we.resolve(s3, t.name), e, i);
    };
    ws = (s3, t, e) => {
      let i;
      try {
        i = wi.readdirSync(s3, { withFileTypes: true });
      } catch (r) {
        let n = r;
        if (n?.code === "ENOENT") return;
        if (n?.code === "ENOTDIR" || n?.code === "ENOTSUP") return ps(s3, t, e);
        throw n;
      }
      for (let r of i) so(s3, r, t, e);
      return ps(s3, t, e);
    };
    Se = class extends Error {
      path;
      code;
      syscall = "chdir";
      constructor(t, e) {
        super(`${e}: Cannot cd into '${t}'`), this.path = t, this.code = e;
      }
      get name() {
        return "CwdError";
      }
    };
    St = class extends Error {
      path;
      symlink;
      syscall = "symlink";
      code = "TAR_SYMLINK_ERROR";
      constructor(t, e) {
        super("TAR_SYMLINK_ERROR: Cannot extract through symbolic link"), this.symlink = t, this.path = e;
      }
      get name() {
        return "SymlinkError";
      }
    };
    no = (s3, t) => {
      k.stat(s3, (e, i) => {
        (e || !i.isDirectory()) && (e = new Se(s3, e?.code || "ENOTDIR")), t(e);
      });
    };
    gr = (s3, t, e) => {
      s3 = f(s3);
      let i = t.umask ?? 18, r = t.mode | 448, n = (r & i) !== 0, o = t.uid, h = t.gid, a = typeof o == "number" && typeof h == "number" && (o !== t.processUid || h !== t.processGid), l = t.preserve, c = t.unlink, d = f(t.cwd), y = (E, x) => {
        E ? e(E) : x && a ? Es(x, o, h, (Le) => y(Le)) : n ? k.chmod(s3, r, e) : e();
      };
      if (s3 === d) return no(s3, y);
      if (l) return ro.mkdir(s3, { mode: r, recursive: true }).then((E) => y(null, E ?? void 0), y);
      let D = f(Si.relative(d, s3)).split("/");
      Ss(d, D, r, c, d, void 0, y);
    };
    Ss = (s3, t, e, i, r, n, o) => {
      if (t.length === 0) return o(null, n);
      let h = t.shift(), a = f(Si.resolve(s3 + "/" + h));
      k.mkdir(a, e, br(a, t, e, i, r, n, o));
    };
    br = (s3, t, e, i, r, n, o) => (h) => {
      h ? k.lstat(s3, (a, l) => {
        if (a) a.path = a.path && f(a.path), o(a);
        else if (l.isDirectory()) Ss(s3, t, e, i, r, n, o);
        else if (i) k.unlink(s3, (c) => {
          if (c) return o(c);
          k.mkdir(s3, e, br(s3, t, e, i, r, n, o));
        });
        else {
          if (l.isSymbolicLink()) return o(new St(s3, s3 + "/" + t.join("/")));
          o(h);
        }
      }) : (n = n || s3, Ss(s3, t, e, i, r, n, o));
    };
    oo = (s3) => {
      let t = false, e;
      try {
        t = k.statSync(s3).isDirectory();
      } catch (i) {
        e = i?.code;
      } finally {
        if (!t) throw new Se(s3, e ?? "ENOTDIR");
      }
    };
    _r = (s3, t) => {
      s3 = f(s3);
      let e = t.umask ?? 18, i = t.mode | 448, r = (i & e) !== 0, n = t.uid, o = t.gid, h = typeof n == "number" && typeof o == "number" && (n !== t.processUid || o !== t.processGid), a = t.preserve, l = t.unlink, c = f(t.cwd), d = (E) => {
        E && h && ws(E, n, o), r && k.chmodSync(s3, i);
      };
      if (s3 === c) return oo(c), d();
      if (a) return d(k.mkdirSync(s3, { mode: i, recursive: true }) ?? void 0);
      let T = f(Si.relative(c, s3)).split("/"), D;
      for (let E = T.shift(), x = c; E && (x += "/" + E); E = T.shift()) {
        x = f(Si.resolve(x));
        try {
          k.mkdirSync(x, i), D = D || x;
        } catch {
          let Le = k.lstatSync(x);
          if (Le.isDirectory()) continue;
          if (l) {
            k.unlinkSync(x), k.mkdirSync(x, i), D = D || x;
            continue;
          } else if (Le.isSymbolicLink()) return new St(x, x + "/" + T.join("/"));
        }
      }
      return d(D);
    };
    ys = /* @__PURE__ */ Object.create(null);
    Or = 1e4;
    Vt = /* @__PURE__ */ new Set();
    Tr = (s3) => {
      Vt.has(s3) ? Vt.delete(s3) : ys[s3] = s3.normalize("NFD").toLocaleLowerCase("en").toLocaleUpperCase("en"), Vt.add(s3);
      let t = ys[s3], e = Vt.size - Or;
      if (e > Or / 10) {
        for (let i of Vt) if (Vt.delete(i), delete ys[i], --e <= 0) break;
      }
      return t;
    };
    ho = process.env.TESTING_TAR_FAKE_PLATFORM || process.platform;
    ao = ho === "win32";
    lo = (s3) => s3.split("/").slice(0, -1).reduce((e, i) => {
      let r = e.at(-1);
      return r !== void 0 && (i = xr(r, i)), e.push(i || "/"), e;
    }, []);
    yi = class {
      #t = /* @__PURE__ */ new Map();
      #i = /* @__PURE__ */ new Map();
      #s = /* @__PURE__ */ new Set();
      reserve(t, e) {
        t = ao ? ["win32 parallelization disabled"] : t.map((r) => mt(xr(Tr(r))));
        let i = new Set(t.map((r) => lo(r)).reduce((r, n) => r.concat(n)));
        this.#i.set(e, { dirs: i, paths: t });
        for (let r of t) {
          let n = this.#t.get(r);
          n ? n.push(e) : this.#t.set(r, [e]);
        }
        for (let r of i) {
          let n = this.#t.get(r);
          if (!n) this.#t.set(r, [/* @__PURE__ */ new Set([e])]);
          else {
            let o = n.at(-1);
            o instanceof Set ? o.add(e) : n.push(/* @__PURE__ */ new Set([e]));
          }
        }
        return this.#r(e);
      }
      #n(t) {
        let e = this.#i.get(t);
        if (!e) throw new Error("function does not have any path reservations");
        return { paths: e.paths.map((i) => this.#t.get(i)), dirs: [...e.dirs].map((i) => this.#t.get(i)) };
      }
      check(t) {
        let { paths: e, dirs: i } = this.#n(t);
        return e.every((r) => r && r[0] === t) && i.every((r) => r && r[0] instanceof Set && r[0].has(t));
      }
      #r(t) {
        return this.#s.has(t) || !this.check(t) ? false : (this.#s.add(t), t(() => this.#e(t)), true);
      }
      #e(t) {
        if (!this.#s.has(t)) return false;
        let e = this.#i.get(t);
        if (!e) throw new Error("invalid reservation");
        let { paths: i, dirs: r } = e, n = /* @__PURE__ */ new Set();
        for (let o of i) {
          let h = this.#t.get(o);
          if (!h || h?.[0] !== t) continue;
          let a = h[1];
          if (!a) {
            this.#t.delete(o);
            continue;
          }
          if (h.shift(), typeof a == "function") n.add(a);
          else for (let l of a) n.add(l);
        }
        for (let o of r) {
          let h = this.#t.get(o), a = h?.[0];
          if (!(!h || !(a instanceof Set))) if (a.size === 1 && h.length === 1) {
            this.#t.delete(o);
            continue;
          } else if (a.size === 1) {
            h.shift();
            let l = h[0];
            typeof l == "function" && n.add(l);
          } else a.delete(t);
        }
        return this.#s.delete(t), n.forEach((o) => this.#r(o)), true;
      }
    };
    Lr = () => process.umask();
    Dr = Symbol("onEntry");
    _s = Symbol("checkFs");
    Nr = Symbol("checkFs2");
    Os = Symbol("isReusable");
    P = Symbol("makeFs");
    Ts = Symbol("file");
    xs = Symbol("directory");
    gi = Symbol("link");
    Ar = Symbol("symlink");
    Ir = Symbol("hardlink");
    Re = Symbol("ensureNoSymlink");
    Cr = Symbol("unsupported");
    Fr = Symbol("checkPath");
    Rs = Symbol("stripAbsolutePath");
    yt = Symbol("mkdir");
    O = Symbol("onError");
    Ri = Symbol("pending");
    kr = Symbol("pend");
    $t = Symbol("unpend");
    gs = Symbol("ended");
    bs = Symbol("maybeClose");
    Ls = Symbol("skip");
    ge = Symbol("doChown");
    be = Symbol("uid");
    _e = Symbol("gid");
    Oe = Symbol("checkedCwd");
    fo = process.env.TESTING_TAR_FAKE_PLATFORM || process.platform;
    Te = fo === "win32";
    uo = 1024;
    mo = (s3, t) => {
      if (!Te) return u.unlink(s3, t);
      let e = s3 + ".DELETE." + Mr(16).toString("hex");
      u.rename(s3, e, (i) => {
        if (i) return t(i);
        u.unlink(e, t);
      });
    };
    po = (s3) => {
      if (!Te) return u.unlinkSync(s3);
      let t = s3 + ".DELETE." + Mr(16).toString("hex");
      u.renameSync(s3, t), u.unlinkSync(t);
    };
    vr = (s3, t, e) => s3 !== void 0 && s3 === s3 >>> 0 ? s3 : t !== void 0 && t === t >>> 0 ? t : e;
    Xt = class extends rt {
      [gs] = false;
      [Oe] = false;
      [Ri] = 0;
      reservations = new yi();
      transform;
      writable = true;
      readable = false;
      uid;
      gid;
      setOwner;
      preserveOwner;
      processGid;
      processUid;
      maxDepth;
      forceChown;
      win32;
      newer;
      keep;
      noMtime;
      preservePaths;
      unlink;
      cwd;
      strip;
      processUmask;
      umask;
      dmode;
      fmode;
      chmod;
      constructor(t = {}) {
        if (t.ondone = () => {
          this[gs] = true, this[bs]();
        }, super(t), this.transform = t.transform, this.chmod = !!t.chmod, typeof t.uid == "number" || typeof t.gid == "number") {
          if (typeof t.uid != "number" || typeof t.gid != "number") throw new TypeError("cannot set owner without number uid and gid");
          if (t.preserveOwner) throw new TypeError("cannot preserve owner in archive and also set owner explicitly");
          this.uid = t.uid, this.gid = t.gid, this.setOwner = true;
        } else this.uid = void 0, this.gid = void 0, this.setOwner = false;
        this.preserveOwner = t.preserveOwner === void 0 && typeof t.uid != "number" ? process.getuid?.() === 0 : !!t.preserveOwner, this.processUid = (this.preserveOwner || this.setOwner) && process.getuid ? process.getuid() : void 0, this.processGid = (this.preserveOwner || this.setOwner) && process.getgid ? process.getgid() : void 0, this.maxDepth = typeof t.maxDepth == "number" ? t.maxDepth : uo, this.forceChown = t.forceChown === true, this.win32 = !!t.win32 || Te, this.newer = !!t.newer, this.keep = !!t.keep, this.noMtime = !!t.noMtime, this.preservePaths = !!t.preservePaths, this.unlink = !!t.unlink, this.cwd = f(R.resolve(t.cwd || process.cwd())), this.strip = Number(t.strip) || 0, this.processUmask = this.chmod ? typeof t.processUmask == "number" ? t.processUmask : Lr() : 0, this.umask = typeof t.umask == "number" ? t.umask : this.processUmask, this.dmode = t.dmode || 511 & ~this.umask, this.fmode = t.fmode || 438 & ~this.umask, this.on("entry", (e) => this[Dr](e));
      }
      warn(t, e, i = {}) {
        return (t === "TAR_BAD_ARCHIVE" || t === "TAR_ABORT") && (i.recoverable = false), super.warn(t, e, i);
      }
      [bs]() {
        this[gs] && this[Ri] === 0 && (this.emit("prefinish"), this.emit("finish"), this.emit("end"));
      }
      [Rs](t, e) {
        let i = t[e], { type: r } = t;
        if (!i || this.preservePaths) return true;
        let [n, o] = ce(i), h = o.replaceAll(/\\/g, "/").split("/");
        if (h.includes("..") || Te && /^[a-z]:\.\.$/i.test(h[0] ?? "")) {
          if (e === "path" || r === "Link") return this.warn("TAR_ENTRY_ERROR", `${e} contains '..'`, { entry: t, [e]: i }), false;
          let a = R.posix.dirname(t.path), l = R.posix.normalize(R.posix.join(a, h.join("/")));
          if (l.startsWith("../") || l === "..") return this.warn("TAR_ENTRY_ERROR", `${e} escapes extraction directory`, { entry: t, [e]: i }), false;
        }
        return n && (t[e] = String(o), this.warn("TAR_ENTRY_INFO", `stripping ${n} from absolute ${e}`, { entry: t, [e]: i })), true;
      }
      [Fr](t) {
        let e = f(t.path), i = e.split("/");
        if (this.strip) {
          if (i.length < this.strip) return false;
          if (t.type === "Link") {
            let r = f(String(t.linkpath)).split("/");
            if (r.length >= this.strip) t.linkpath = r.slice(this.strip).join("/");
            else return false;
          }
          i.splice(0, this.strip), t.path = i.join("/");
        }
        if (isFinite(this.maxDepth) && i.length > this.maxDepth) return this.warn("TAR_ENTRY_ERROR", "path excessively deep", { entry: t, path: e, depth: i.length, maxDepth: this.maxDepth }), false;
        if (!this[Rs](t, "path") || !this[Rs](t, "linkpath")) return false;
        if (t.absolute = R.isAbsolute(t.path) ? f(R.resolve(t.path)) : f(R.resolve(this.cwd, t.path)), !this.preservePaths && typeof t.absolute == "string" && t.absolute.indexOf(this.cwd + "/") !== 0 && t.absolute !== this.cwd) return this.warn("TAR_ENTRY_ERROR", "path escaped extraction target", { entry: t, path: f(t.path), resolvedPath: t.absolute, cwd: this.cwd }), false;
        if (t.absolute === this.cwd && t.type !== "Directory" && t.type !== "GNUDumpDir") return false;
        if (this.win32) {
          let { root: r } = R.win32.parse(String(t.absolute));
          t.absolute = r + ts(String(t.absolute).slice(r.length));
          let { root: n } = R.win32.parse(t.path);
          t.path = n + ts(t.path.slice(n.length));
        }
        return true;
      }
      [Dr](t) {
        if (!this[Fr](t)) return t.resume();
        switch (co.equal(typeof t.absolute, "string"), t.type) {
          case "Directory":
          case "GNUDumpDir":
            t.mode && (t.mode = t.mode | 448);
          case "File":
          case "OldFile":
          case "ContiguousFile":
          case "Link":
          case "SymbolicLink":
            return this[_s](t);
          default:
            return this[Cr](t);
        }
      }
      [O](t, e) {
        t.name === "CwdError" ? this.emit("error", t) : (this.warn("TAR_ENTRY_ERROR", t, { entry: e }), this[$t](), e.resume());
      }
      [yt](t, e, i) {
        gr(f(t), { uid: this.uid, gid: this.gid, processUid: this.processUid, processGid: this.processGid, umask: this.processUmask, preserve: this.preservePaths, unlink: this.unlink, cwd: this.cwd, mode: e }, i);
      }
      [ge](t) {
        return this.forceChown || this.preserveOwner && (typeof t.uid == "number" && t.uid !== this.processUid || typeof t.gid == "number" && t.gid !== this.processGid) || typeof this.uid == "number" && this.uid !== this.processUid || typeof this.gid == "number" && this.gid !== this.processGid;
      }
      [be](t) {
        return vr(this.uid, t.uid, this.processUid);
      }
      [_e](t) {
        return vr(this.gid, t.gid, this.processGid);
      }
      [Ts](t, e) {
        let i = typeof t.mode == "number" ? t.mode & 4095 : this.fmode, r = new et(String(t.absolute), { flags: ms(t.size), mode: i, autoClose: false });
        r.on("error", (a) => {
          r.fd && u.close(r.fd, () => {
          }), r.write = () => true, this[O](a, t), e();
        });
        let n = 1, o = (a) => {
          if (a) {
            r.fd && u.close(r.fd, () => {
            }), this[O](a, t), e();
            return;
          }
          --n === 0 && r.fd !== void 0 && u.close(r.fd, (l) => {
            l ? this[O](l, t) : this[$t](), e();
          });
        };
        r.on("finish", () => {
          let a = String(t.absolute), l = r.fd;
          if (typeof l == "number" && t.mtime && !this.noMtime) {
            n++;
            let c = t.atime || /* @__PURE__ */ new Date(), d = t.mtime;
            u.futimes(l, c, d, (y) => y ? u.utimes(a, c, d, (T) => o(T && y)) : o());
          }
          if (typeof l == "number" && this[ge](t)) {
            n++;
            let c = this[be](t), d = this[_e](t);
            typeof c == "number" && typeof d == "number" && u.fchown(l, c, d, (y) => y ? u.chown(a, c, d, (T) => o(T && y)) : o());
          }
          o();
        });
        let h = this.transform && this.transform(t) || t;
        h !== t && (h.on("error", (a) => {
          this[O](a, t), e();
        }), t.pipe(h)), h.pipe(r);
      }
      [xs](t, e) {
        let i = typeof t.mode == "number" ? t.mode & 4095 : this.dmode;
        this[yt](String(t.absolute), i, (r) => {
          if (r) {
            this[O](r, t), e();
            return;
          }
          let n = 1, o = () => {
            --n === 0 && (e(), this[$t](), t.resume());
          };
          t.mtime && !this.noMtime && (n++, u.utimes(String(t.absolute), t.atime || /* @__PURE__ */ new Date(), t.mtime, o)), this[ge](t) && (n++, u.chown(String(t.absolute), Number(this[be](t)), Number(this[_e](t)), o)), o();
        });
      }
      [Cr](t) {
        t.unsupported = true, this.warn("TAR_ENTRY_UNSUPPORTED", `unsupported entry type: ${t.type}`, { entry: t }), t.resume();
      }
      [Ar](t, e) {
        let i = f(R.relative(this.cwd, R.resolve(R.dirname(String(t.absolute)), String(t.linkpath)))).split("/");
        this[Re](t, this.cwd, i, () => this[gi](t, String(t.linkpath), "symlink", e), (r) => {
          this[O](r, t), e();
        });
      }
      [Ir](t, e) {
        let i = f(R.resolve(this.cwd, String(t.linkpath))), r = f(String(t.linkpath)).split("/");
        this[Re](t, this.cwd, r, () => this[gi](t, i, "link", e), (n) => {
          this[O](n, t), e();
        });
      }
      [Re](t, e, i, r, n) {
        let o = i.shift();
        if (this.preservePaths || o === void 0) return r();
        let h = R.resolve(e, o);
        u.lstat(h, (a, l) => {
          if (a) return r();
          if (l?.isSymbolicLink()) return n(new St(h, R.resolve(h, i.join("/"))));
          this[Re](t, h, i, r, n);
        });
      }
      [kr]() {
        this[Ri]++;
      }
      [$t]() {
        this[Ri]--, this[bs]();
      }
      [Ls](t) {
        this[$t](), t.resume();
      }
      [Os](t, e) {
        return t.type === "File" && !this.unlink && e.isFile() && e.nlink <= 1 && !Te;
      }
      [_s](t) {
        this[kr]();
        let e = [t.path];
        t.linkpath && e.push(t.linkpath), this.reservations.reserve(e, (i) => this[Nr](t, i));
      }
      [Nr](t, e) {
        let i = (h) => {
          e(h);
        }, r = () => {
          this[yt](this.cwd, this.dmode, (h) => {
            if (h) {
              this[O](h, t), i();
              return;
            }
            this[Oe] = true, n();
          });
        }, n = () => {
          if (t.absolute !== this.cwd) {
            let h = f(R.dirname(String(t.absolute)));
            if (h !== this.cwd) return this[yt](h, this.dmode, (a) => {
              if (a) {
                this[O](a, t), i();
                return;
              }
              o();
            });
          }
          o();
        }, o = () => {
          u.lstat(String(t.absolute), (h, a) => {
            if (a && (this.keep || this.newer && a.mtime > (t.mtime ?? a.mtime))) {
              this[Ls](t), i();
              return;
            }
            if (h || this[Os](t, a)) return this[P](null, t, i);
            if (a.isDirectory()) {
              if (t.type === "Directory") {
                let l = this.chmod && t.mode && (a.mode & 4095) !== t.mode, c = (d) => this[P](d ?? null, t, i);
                return l ? u.chmod(String(t.absolute), Number(t.mode), c) : c();
              }
              if (t.absolute !== this.cwd) return u.rmdir(String(t.absolute), (l) => this[P](l ?? null, t, i));
            }
            if (t.absolute === this.cwd) return this[P](null, t, i);
            mo(String(t.absolute), (l) => this[P](l ?? null, t, i));
          });
        };
        this[Oe] ? n() : r();
      }
      [P](t, e, i) {
        if (t) {
          this[O](t, e), i();
          return;
        }
        switch (e.type) {
          case "File":
          case "OldFile":
          case "ContiguousFile":
            return this[Ts](e, i);
          case "Link":
            return this[Ir](e, i);
          case "SymbolicLink":
            return this[Ar](e, i);
          case "Directory":
          case "GNUDumpDir":
            return this[xs](e, i);
        }
      }
      [gi](t, e, i, r) {
        u[i](e, String(t.absolute), (n) => {
          n ? this[O](n, t) : (this[$t](), t.resume()), r();
        });
      }
    };
    ye = (s3) => {
      try {
        return [null, s3()];
      } catch (t) {
        return [t, null];
      }
    };
    xe = class extends Xt {
      sync = true;
      [P](t, e) {
        return super[P](t, e, () => {
        });
      }
      [_s](t) {
        if (!this[Oe]) {
          let n = this[yt](this.cwd, this.dmode);
          if (n) return this[O](n, t);
          this[Oe] = true;
        }
        if (t.absolute !== this.cwd) {
          let n = f(R.dirname(String(t.absolute)));
          if (n !== this.cwd) {
            let o = this[yt](n, this.dmode);
            if (o) return this[O](o, t);
          }
        }
        let [e, i] = ye(() => u.lstatSync(String(t.absolute)));
        if (i && (this.keep || this.newer && i.mtime > (t.mtime ?? i.mtime))) return this[Ls](t);
        if (e || this[Os](t, i)) return this[P](null, t);
        if (i.isDirectory()) {
          if (t.type === "Directory") {
            let o = this.chmod && t.mode && (i.mode & 4095) !== t.mode, [h] = o ? ye(() => {
              u.chmodSync(String(t.absolute), Number(t.mode));
            }) : [];
            return this[P](h, t);
          }
          let [n] = ye(() => u.rmdirSync(String(t.absolute)));
          this[P](n, t);
        }
        let [r] = t.absolute === this.cwd ? [] : ye(() => po(String(t.absolute)));
        this[P](r, t);
      }
      [Ts](t, e) {
        let i = typeof t.mode == "number" ? t.mode & 4095 : this.fmode, r = (h) => {
          let a;
          try {
            u.closeSync(n);
          } catch (l) {
            a = l;
          }
          (h || a) && this[O](h || a, t), e();
        }, n;
        try {
          n = u.openSync(String(t.absolute), ms(t.size), i);
        } catch (h) {
          return r(h);
        }
        let o = this.transform && this.transform(t) || t;
        o !== t && (o.on("error", (h) => this[O](h, t)), t.pipe(o)), o.on("data", (h) => {
          try {
            u.writeSync(n, h, 0, h.length);
          } catch (a) {
            r(a);
          }
        }), o.on("end", () => {
          let h = null;
          if (t.mtime && !this.noMtime) {
            let a = t.atime || /* @__PURE__ */ new Date(), l = t.mtime;
            try {
              u.futimesSync(n, a, l);
            } catch (c) {
              try {
                u.utimesSync(String(t.absolute), a, l);
              } catch {
                h = c;
              }
            }
          }
          if (this[ge](t)) {
            let a = this[be](t), l = this[_e](t);
            try {
              u.fchownSync(n, Number(a), Number(l));
            } catch (c) {
              try {
                u.chownSync(String(t.absolute), Number(a), Number(l));
              } catch {
                h = h || c;
              }
            }
          }
          r(h);
        });
      }
      [xs](t, e) {
        let i = typeof t.mode == "number" ? t.mode & 4095 : this.dmode, r = this[yt](String(t.absolute), i);
        if (r) {
          this[O](r, t), e();
          return;
        }
        if (t.mtime && !this.noMtime) try {
          u.utimesSync(String(t.absolute), t.atime || /* @__PURE__ */ new Date(), t.mtime);
        } catch {
        }
        if (this[ge](t)) try {
          u.chownSync(String(t.absolute), Number(this[be](t)), Number(this[_e](t)));
        } catch {
        }
        e(), t.resume();
      }
      [yt](t, e) {
        try {
          return _r(f(t), { uid: this.uid, gid: this.gid, processUid: this.processUid, processGid: this.processGid, umask: this.processUmask, preserve: this.preservePaths, unlink: this.unlink, cwd: this.cwd, mode: e });
        } catch (i) {
          return i;
        }
      }
      [Re](t, e, i, r, n) {
        if (this.preservePaths || i.length === 0) return r();
        let o = e;
        for (let h of i) {
          o = R.resolve(o, h);
          let [a, l] = ye(() => u.lstatSync(o));
          if (a) return r();
          if (l.isSymbolicLink()) return n(new St(o, R.resolve(e, i.join("/"))));
        }
        r();
      }
      [gi](t, e, i, r) {
        let n = `${i}Sync`;
        try {
          u[n](e, String(t.absolute)), r(), t.resume();
        } catch (o) {
          return this[O](o, t);
        }
      }
    };
    Eo = (s3) => {
      let t = new xe(s3), e = s3.file, i = Br.statSync(e), r = s3.maxReadSize || 16 * 1024 * 1024;
      new Be(e, { readSize: r, size: i.size }).pipe(t);
    };
    wo = (s3, t) => {
      let e = new Xt(s3), i = s3.maxReadSize || 16 * 1024 * 1024, r = s3.file;
      return new Promise((o, h) => {
        e.on("error", h), e.on("close", o), Br.stat(r, (a, l) => {
          if (a) h(a);
          else {
            let c = new _t(r, { readSize: i, size: l.size });
            c.on("error", h), c.pipe(e);
          }
        });
      });
    };
    So = K(Eo, wo, (s3) => new xe(s3), (s3) => new Xt(s3), (s3, t) => {
      t?.length && Qi(s3, t);
    });
    yo = (s3, t) => {
      let e = new kt(s3), i = true, r, n;
      try {
        try {
          r = v.openSync(s3.file, "r+");
        } catch (a) {
          if (a?.code === "ENOENT") r = v.openSync(s3.file, "w+");
          else throw a;
        }
        let o = v.fstatSync(r), h = Buffer.alloc(512);
        t: for (n = 0; n < o.size; n += 512) {
          for (let c = 0, d = 0; c < 512; c += d) {
            if (d = v.readSync(r, h, c, h.length - c, n + c), n === 0 && h[0] === 31 && h[1] === 139) throw new Error("cannot append to compressed archives");
            if (!d) break t;
          }
          let a = new F(h);
          if (!a.cksumValid) break;
          let l = 512 * Math.ceil((a.size || 0) / 512);
          if (n + l + 512 > o.size) break;
          n += l, s3.mtimeCache && a.mtime && s3.mtimeCache.set(String(a.path), a.mtime);
        }
        i = false, Ro(s3, e, n, r, t);
      } finally {
        if (i) try {
          v.closeSync(r);
        } catch {
        }
      }
    };
    Ro = (s3, t, e, i, r) => {
      let n = new Wt(s3.file, { fd: i, start: e });
      t.pipe(n), bo(t, r);
    };
    go = (s3, t) => {
      t = Array.from(t);
      let e = new wt(s3), i = (n, o, h) => {
        let a = (T, D) => {
          T ? v.close(n, (E) => h(T)) : h(null, D);
        }, l = 0;
        if (o === 0) return a(null, 0);
        let c = 0, d = Buffer.alloc(512), y = (T, D) => {
          if (T || D === void 0) return a(T);
          if (c += D, c < 512 && D) return v.read(n, d, c, d.length - c, l + c, y);
          if (l === 0 && d[0] === 31 && d[1] === 139) return a(new Error("cannot append to compressed archives"));
          if (c < 512) return a(null, l);
          let E = new F(d);
          if (!E.cksumValid) return a(null, l);
          let x = 512 * Math.ceil((E.size ?? 0) / 512);
          if (l + x + 512 > o || (l += x + 512, l >= o)) return a(null, l);
          s3.mtimeCache && E.mtime && s3.mtimeCache.set(String(E.path), E.mtime), c = 0, v.read(n, d, 0, 512, l, y);
        };
        v.read(n, d, 0, 512, l, y);
      };
      return new Promise((n, o) => {
        e.on("error", o);
        let h = "r+", a = (l, c) => {
          if (l && l.code === "ENOENT" && h === "r+") return h = "w+", v.open(s3.file, h, a);
          if (l || !c) return o(l);
          v.fstat(c, (d, y) => {
            if (d) return v.close(c, () => o(d));
            i(c, y.size, (T, D) => {
              if (T) return o(T);
              let E = new et(s3.file, { fd: c, start: D });
              e.pipe(E), E.on("error", o), E.on("close", n), _o(e, t);
            });
          });
        };
        v.open(s3.file, h, a);
      });
    };
    bo = (s3, t) => {
      t.forEach((e) => {
        e.charAt(0) === "@" ? Ct({ file: Pr.resolve(s3.cwd, e.slice(1)), sync: true, noResume: true, onReadEntry: (i) => s3.add(i) }) : s3.add(e);
      }), s3.end();
    };
    _o = async (s3, t) => {
      for (let e of t) e.charAt(0) === "@" ? await Ct({ file: Pr.resolve(String(s3.cwd), e.slice(1)), noResume: true, onReadEntry: (i) => s3.add(i) }) : s3.add(e);
      s3.end();
    };
    vt = K(yo, go, () => {
      throw new TypeError("file is required");
    }, () => {
      throw new TypeError("file is required");
    }, (s3, t) => {
      if (!Bs(s3)) throw new TypeError("file is required");
      if (s3.gzip || s3.brotli || s3.zstd || s3.file.endsWith(".br") || s3.file.endsWith(".tbr")) throw new TypeError("cannot append to compressed archives");
      if (!t?.length) throw new TypeError("no paths specified to add/replace");
    });
    Oo = K(vt.syncFile, vt.asyncFile, vt.syncNoFile, vt.asyncNoFile, (s3, t = []) => {
      vt.validate?.(s3, t), To(s3);
    });
    To = (s3) => {
      let t = s3.filter;
      s3.mtimeCache || (s3.mtimeCache = /* @__PURE__ */ new Map()), s3.filter = t ? (e, i) => t(e, i) && !((s3.mtimeCache?.get(e) ?? i.mtime ?? 0) > (i.mtime ?? 0)) : (e, i) => !((s3.mtimeCache?.get(e) ?? i.mtime ?? 0) > (i.mtime ?? 0));
    };
  }
});

// src/scan/tar.ts
import { createReadStream as createReadStream2, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os3 from "node:os";
import path3 from "node:path";
import { once } from "node:events";
function isTarName(p2) {
  return /\.(tar|tar\.gz|tgz)$/i.test(p2);
}
async function spool(src, dest) {
  const ws2 = createWriteStream(dest, { mode: 384 });
  try {
    while (await src.ensure(1)) {
      if (!ws2.write(Buffer.from(src.take(src.buffered)))) await once(ws2, "drain");
    }
  } finally {
    ws2.end();
    await once(ws2, "close");
  }
}
async function scanTar(archive, limits) {
  const reports = [];
  const findings = [];
  const base = path3.basename(archive);
  let tmp;
  let chain = Promise.resolve();
  let failure;
  const handle = async (entry) => {
    const name = `${base}:${entry.path}`;
    if (entry.type !== "File" && entry.type !== "OldFile" && entry.type !== "ContiguousFile") {
      if (entry.type === "SymbolicLink" || entry.type === "Link") {
        findings.push({ code: "SCAN_SKIPPED", severity: "medium", file: name, message: `${entry.type === "Link" ? "hard link" : "symlink"} to ${JSON.stringify(entry.linkpath ?? "")} is not scanned` });
      }
      entry.resume();
      return;
    }
    if (reports.length >= limits.maxFiles) {
      if (!findings.some((f2) => f2.code === "SCAN_LIMIT" && f2.message.startsWith("more than"))) {
        findings.push({ code: "SCAN_LIMIT", severity: "high", file: name, message: `more than ${limits.maxFiles} files in the archive; this entry and later ones are not scanned` });
      }
      entry.resume();
      return;
    }
    const src = ByteSource.fromIterable(entry, entry.size);
    await src.ensure(SNIFF_BYTES);
    const kind = sniff(src.peek(SNIFF_BYTES), entry.path);
    if (kind === "zip") {
      if (entry.size > limits.maxMemberBytes) {
        findings.push({ code: "SCAN_LIMIT", severity: "high", file: name, message: `zip member of ${entry.size} bytes is over the ${limits.maxMemberBytes}-byte limit for copying out of the archive; not scanned` });
        await src.drain();
        return;
      }
      let dest;
      try {
        tmp ??= await mkdtemp(path3.join(os3.tmpdir(), "modelsign-scan-"));
        dest = path3.join(tmp, "member.zip");
        await spool(src, dest);
      } catch (e) {
        const code = errnoCode(e);
        if (code === void 0) throw e;
        if (dest) await rm(dest, { force: true });
        findings.push({ code: "SCAN_SKIPPED", severity: "high", file: name, message: `zip member cannot be copied out of the archive to scan it (${code}; set TMPDIR to a writable directory); not scanned` });
        await src.drain();
        return;
      }
      try {
        reports.push(report(name, entry.size, await scanZip(dest, entry.size, name, limits)));
      } finally {
        await rm(dest, { force: true });
      }
      return;
    }
    reports.push(report(name, entry.size, await scanStream(src, kind, entry.size, name, limits)));
    await src.drain();
  };
  try {
    const parser = new rt({
      strict: true,
      onReadEntry: (entry) => {
        chain = chain.then(() => handle(entry)).catch((e) => {
          failure ??= e;
          entry.resume();
        });
      }
    });
    const done = new Promise((resolve, reject2) => {
      parser.on("end", resolve);
      parser.on("error", reject2);
      parser.on("close", resolve);
    });
    const input = createReadStream2(archive);
    input.on("error", (e) => parser.emit("error", e));
    input.pipe(parser);
    try {
      await done;
    } catch (e) {
      findings.push({ code: "TAR_MALFORMED", severity: "high", file: base, message: `archive cannot be read: ${e.message}` });
    }
    await chain;
    if (failure) throw failure;
  } finally {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  }
  return { reports, findings };
}
var init_tar = __esm({
  "src/scan/tar.ts"() {
    "use strict";
    init_index_min();
    init_errors();
    init_detect();
    init_scan_file();
    init_source2();
  }
});

// src/scan/types.ts
function severityRank(s3) {
  return SEVERITIES.indexOf(s3);
}
var SEVERITIES, DEFAULT_LIMITS;
var init_types = __esm({
  "src/scan/types.ts"() {
    "use strict";
    SEVERITIES = ["low", "medium", "high", "critical"];
    DEFAULT_LIMITS = {
      maxOpcodes: 5e7,
      maxMemo: 1e6,
      maxStack: 4e6,
      maxStringBytes: 32 * 1024 * 1024,
      maxImports: 1e4,
      maxPicklesPerStream: 16,
      maxZipEntries: 1e5,
      maxZipDirectory: 64 * 1024 * 1024,
      maxMemberBytes: 16 * 1024 * 1024 * 1024,
      maxRatio: 1e3,
      maxSafetensorsHeader: 1e8,
      maxGgufCount: 1e7,
      maxGgufString: 16 * 1024 * 1024,
      maxGgufArray: 1e8,
      maxFiles: 1e6
    };
  }
});

// src/scan/stage.ts
import path4 from "node:path";
function signedFiles(ctx) {
  const out2 = /* @__PURE__ */ new Set();
  for (const r of ctx.statement.resources) {
    if (ctx.statement.serialization.method === "shards") {
      const s3 = parseShardName(r.name);
      if (s3) out2.add(s3.path);
    } else out2.add(r.name);
  }
  return [...out2];
}
function denied(report2, deny) {
  if (deny.has("pickle") && (report2.pickle || report2.format === "pytorch")) return report2.format === "pickle" ? "pickle" : `pickle (inside ${report2.format})`;
  if (deny.has(report2.format)) return report2.format;
  return void 0;
}
function formatsStage(formats, limits = {}) {
  const deny = new Set((formats.deny ?? []).map((d) => d.toLowerCase()));
  for (const d of deny) {
    if (!DENIABLE_FORMATS.includes(d)) {
      throw usage("POLICY_INVALID", `formats.deny: unknown format "${d}" (known: ${DENIABLE_FORMATS.join(", ")})`);
    }
  }
  const scan = formats.scan === true;
  const failOn = formats.failOn ?? "low";
  if (!SEVERITIES.includes(failOn)) throw usage("POLICY_INVALID", `formats.failOn: unknown severity "${String(failOn)}" (known: ${SEVERITIES.join(", ")})`);
  const lim = { ...DEFAULT_LIMITS, ...limits };
  return async (ctx) => {
    if (!scan && deny.size === 0) return [];
    const ser = ctx.statement.serialization;
    const listing = ctx.options.listing ?? await enumerateModel(ctx.options.model, { ignorePaths: [], allowSymlinks: ser.allow_symlinks });
    const byName = new Map(listing.files.map((f2) => [f2.name, f2]));
    const failures = [];
    const reports = [];
    const judge = (report2, shown, findings) => {
      if (report2) reports.push(report2);
      const why = report2 && denied(report2, deny);
      if (why) failures.push({ code: "FORMAT_DENIED", path: shown, message: `policy denies ${why} files` });
      if (scan) {
        for (const x of findings) {
          if (severityRank(x.severity) < severityRank(failOn)) continue;
          failures.push({ code: "SCAN_FINDING", path: shown, message: clean3(`${x.severity}: ${x.member !== void 0 ? `${x.member}: ` : ""}${x.message} [${x.code}]`, 2e3) });
        }
      }
    };
    const single = listing.isFile ? listing.files[0] : void 0;
    if (single && isTarName(single.abs)) {
      const base = path4.basename(single.abs);
      const t = await scanTar(single.abs, lim);
      const entryName = (file) => file.startsWith(`${base}:`) ? file.slice(base.length + 1).replace(/^(?:\.\/)+/, "") : file;
      for (const r of t.reports) judge(r, entryName(r.file), r.findings);
      for (const x of t.findings) {
        judge(void 0, entryName(x.file), [x]);
        if (deny.size > 0 && severityRank(x.severity) >= severityRank("high")) {
          failures.push({ code: "FORMAT_UNCHECKED", path: entryName(x.file), message: clean3(`cannot tell whether this is a denied format: ${x.message}`, 2e3) });
        }
      }
      ctx.result.extra.scan = reports.map((r) => ({ file: r.file, format: r.format, pickle: r.pickle, findings: r.findings.length }));
      return failures;
    }
    for (const name of signedFiles(ctx)) {
      const f2 = single ?? byName.get(name);
      if (!f2) continue;
      const shown = single ? path4.basename(f2.name) : name;
      const report2 = await scanFile(f2.abs, shown, lim);
      judge(report2, shown, report2.findings);
      if (single) break;
    }
    ctx.result.extra.scan = reports.map((r) => ({ file: r.file, format: r.format, pickle: r.pickle, findings: r.findings.length }));
    return failures;
  };
}
var DENIABLE_FORMATS;
var init_stage = __esm({
  "src/scan/stage.ts"() {
    "use strict";
    init_errors();
    init_enumerate();
    init_files();
    init_one_line();
    init_scan_file();
    init_tar();
    init_types();
    DENIABLE_FORMATS = ["pickle", "pytorch", "zip", "npz", "npy", "safetensors", "gguf"];
  }
});

// src/policy/types.ts
var POLICY_API_VERSION, PURPOSES;
var init_types2 = __esm({
  "src/policy/types.ts"() {
    "use strict";
    POLICY_API_VERSION = "modelsign/v1";
    PURPOSES = ["deploy", "retrain"];
  }
});

// src/policy/load.ts
var load_exports = {};
__export(load_exports, {
  MAX_POLICY_BYTES: () => MAX_POLICY_BYTES,
  loadPolicy: () => loadPolicy,
  parsePolicyText: () => parsePolicyText,
  validatePolicy: () => validatePolicy
});
import path5 from "node:path";
function invalid(file, where, msg) {
  return new ModelsignError("POLICY_INVALID", `policy ${file}: ${where ? `${where}: ` : ""}${msg}`, { kind: "usage" });
}
function suggest(name, known) {
  const dist = (a, b2) => {
    const d = Array.from({ length: a.length + 1 }, (_2, i) => [i, ...Array(b2.length).fill(0)]);
    for (let j2 = 1; j2 <= b2.length; j2++) d[0][j2] = j2;
    for (let i = 1; i <= a.length; i++)
      for (let j2 = 1; j2 <= b2.length; j2++)
        d[i][j2] = Math.min(d[i - 1][j2] + 1, d[i][j2 - 1] + 1, d[i - 1][j2 - 1] + (a[i - 1].toLowerCase() === b2[j2 - 1].toLowerCase() ? 0 : 1));
    return d[a.length][b2.length];
  };
  const best = known.map((k2) => [k2, dist(name, k2)]).sort((x, y) => x[1] - y[1])[0];
  return best && best[1] <= Math.max(2, Math.floor(name.length / 3)) ? ` (did you mean "${best[0]}"?)` : ` (known fields: ${known.join(", ")})`;
}
function join(at2, key) {
  return at2 === "" ? key : `${at2}.${key}`;
}
function describe2(v2) {
  if (v2 === null || v2 === void 0) return "nothing";
  if (Array.isArray(v2)) return "a list";
  if (typeof v2 === "object") return "a mapping";
  return `${typeof v2} ${JSON.stringify(v2)}`;
}
function readTrust(r, v2, dir) {
  const o = r.object(v2, "trust", ["keys", "certificateChains", "identities"]);
  const files = (key) => o[key] === void 0 ? [] : r.strings(o[key], `trust.${key}`).map((f2) => path5.resolve(dir, f2));
  const identities = [];
  if (o.identities !== void 0) {
    if (!Array.isArray(o.identities)) r.fail("trust.identities", `must be a list, got ${describe2(o.identities)}`);
    o.identities.forEach((item, i) => {
      const at2 = `trust.identities[${i}]`;
      const id2 = r.object(item, at2, ["identity", "identityRegExp", "issuer"]);
      if (id2.identity === void 0 === (id2.identityRegExp === void 0)) r.fail(at2, "needs exactly one of identity or identityRegExp");
      if (id2.issuer === void 0) r.fail(join(at2, "issuer"), "is required (the OIDC issuer that vouches for the identity)");
      const rule = { issuer: r.string(id2.issuer, join(at2, "issuer")) };
      if (id2.identity !== void 0) rule.identity = r.string(id2.identity, join(at2, "identity"));
      else rule.identityRegExp = anchoredRegExp(r, id2.identityRegExp, join(at2, "identityRegExp"));
      identities.push(rule);
    });
  }
  const trust = { keys: files("keys"), certificateChains: files("certificateChains"), identities };
  if (trust.keys.length + trust.certificateChains.length + trust.identities.length === 0) {
    r.fail("trust", "names no key, certificate chain or identity (leave the section out to take trust from the command line)");
  }
  return trust;
}
function anchoredRegExp(r, v2, at2) {
  const src = r.string(v2, at2);
  if (src.length > MAX_REGEXP_LENGTH) r.fail(at2, `is longer than ${MAX_REGEXP_LENGTH} characters`);
  const anchored = `^(?:${src})$`;
  try {
    new RegExp(anchored, "u");
  } catch (e) {
    r.fail(at2, `is not a valid regular expression: ${e.message}`);
  }
  return anchored;
}
function readLicenseRule(r, v2, at2) {
  const o = r.object(v2, at2, ["allow", "deny"]);
  if (o.allow === void 0) r.fail(join(at2, "allow"), "is required (list the licenses allowed for this purpose; [] allows none)");
  const allow = r.strings(o.allow, join(at2, "allow"));
  const deny = o.deny === void 0 ? [] : r.strings(o.deny, join(at2, "deny"));
  const compile = (list, key) => list.map((s3, i) => {
    const lic = normalizeLicense(s3);
    if (!lic.node) r.fail(`${join(at2, key)}[${i}]`, `"${s3}" is not a license id`);
    if ("conjunction" in lic.node) r.fail(`${join(at2, key)}[${i}]`, `"${s3}" must be one license id, not an expression (list each id separately)`);
    return lic;
  });
  return { raw: { allow, deny }, rule: { allow: compile(allow, "allow"), deny: compile(deny, "deny") } };
}
function validatePolicy(doc, file) {
  const r = new Reader(file);
  const dir = path5.dirname(path5.resolve(file));
  const o = r.object(doc, "", ["apiVersion", "trust", "license", "lineage", "revoked", "formats"]);
  if (o.apiVersion === void 0) r.fail("apiVersion", `is required (apiVersion: ${POLICY_API_VERSION})`);
  if (o.apiVersion !== POLICY_API_VERSION) r.fail("apiVersion", `must be ${POLICY_API_VERSION}, got ${describe2(o.apiVersion)}`);
  const trust = o.trust === void 0 ? void 0 : readTrust(r, o.trust, dir);
  let license;
  const rules = {};
  if (o.license !== void 0) {
    const l = r.object(o.license, "license", [...PURPOSES]);
    license = {};
    for (const p2 of PURPOSES) {
      if (l[p2] === void 0) continue;
      const { raw, rule } = readLicenseRule(r, l[p2], `license.${p2}`);
      license[p2] = raw;
      rules[p2] = rule;
    }
  }
  const lineage = { require: false, minVersion: /* @__PURE__ */ Object.create(null) };
  if (o.lineage !== void 0) {
    const l = r.object(o.lineage, "lineage", ["require", "minVersion"]);
    if (l.require !== void 0) lineage.require = r.bool(l.require, "lineage.require");
    if (l.minVersion !== void 0) {
      const mv = l.minVersion;
      const m2 = r.object(mv, "lineage.minVersion", typeof mv === "object" && mv !== null ? Object.keys(mv) : []);
      for (const [name, v2] of Object.entries(m2)) {
        const at2 = `lineage.minVersion.${name}`;
        if (typeof v2 !== "string") r.fail(at2, `must be a quoted semver string such as "2.0.0", got ${describe2(v2)}`);
        if (import_semver.default.valid(v2) === null) r.fail(at2, `"${v2}" is not a semver version (e.g. 2.0.0)`);
        lineage.minVersion[name] = v2;
      }
    }
  }
  const revoked = o.revoked === void 0 ? [] : r.strings(o.revoked, "revoked").map((d, i) => {
    const lower = d.toLowerCase();
    if (!DIGEST.test(lower)) r.fail(`revoked[${i}]`, `"${d}" is not a root digest (sha256:<64 hex digits>)`);
    return lower;
  });
  let formats;
  if (o.formats !== void 0) {
    const f2 = r.object(o.formats, "formats", ["deny", "scan", "failOn"]);
    const deny = f2.deny === void 0 ? [] : r.strings(f2.deny, "formats.deny").map((s3) => s3.toLowerCase());
    deny.forEach((d, i) => {
      if (!DENIABLE_FORMATS.includes(d)) r.fail(`formats.deny[${i}]`, `unknown format "${d}" (known: ${DENIABLE_FORMATS.join(", ")})`);
    });
    formats = { deny, scan: f2.scan === void 0 ? false : r.bool(f2.scan, "formats.scan") };
    if (f2.failOn !== void 0) {
      if (typeof f2.failOn !== "string" || !SEVERITIES.includes(f2.failOn)) {
        r.fail("formats.failOn", `must be one of ${SEVERITIES.join(", ")}`);
      }
      formats.failOn = f2.failOn;
    }
  }
  return { file: path5.resolve(file), apiVersion: POLICY_API_VERSION, trust, license, lineage, revoked, formats, rules };
}
function findDuplicateKey(node, at2) {
  if ((0, import_yaml.isMap)(node)) {
    const seen = /* @__PURE__ */ new Set();
    for (const pair of node.items) {
      const key = (0, import_yaml.isScalar)(pair.key) ? String(pair.key.value) : String(pair.key);
      const here = join(at2, key);
      if (seen.has(key)) return here;
      seen.add(key);
      const inner = findDuplicateKey(pair.value, here);
      if (inner) return inner;
    }
  } else if ((0, import_yaml.isSeq)(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const inner = findDuplicateKey(node.items[i], `${at2}[${i}]`);
      if (inner) return inner;
    }
  }
  return void 0;
}
function parsePolicyText(text, file) {
  const doc = (0, import_yaml.parseDocument)(text, { uniqueKeys: false, schema: "core", prettyErrors: true, strict: true });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    const line = problem.linePos?.[0] ? `line ${problem.linePos[0].line}: ` : "";
    throw invalid(file, "", `${line}${problem.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "")}`);
  }
  const dup = findDuplicateKey(doc.contents, "");
  if (dup) throw invalid(file, dup, "is given more than once");
  if (doc.contents !== null && !(0, import_yaml.isMap)(doc.contents)) {
    throw invalid(file, "", (0, import_yaml.isSeq)(doc.contents) ? "must be a mapping, not a list" : "must be a mapping of fields (apiVersion, trust, license, ...)");
  }
  let value;
  try {
    value = doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    throw invalid(file, "", `cannot be read: ${e.message.split("\n")[0]}`);
  }
  return validatePolicy(value ?? {}, file);
}
async function loadPolicy(file) {
  let text;
  try {
    const buf = await readRegularFile(file, MAX_POLICY_BYTES);
    text = new TextDecoder("utf-8", { fatal: true }).decode(buf);
  } catch (e) {
    if (e instanceof NotRegularFile) throw invalid(file, "", "is not a regular file");
    if (e instanceof FileTooLarge) throw invalid(file, "", `is larger than ${MAX_POLICY_BYTES} bytes`);
    if (e instanceof TypeError) throw invalid(file, "", "is not UTF-8 text");
    const code = errnoCode(e);
    throw new ModelsignError("POLICY_UNREADABLE", `cannot read policy ${file}: ${code === "ENOENT" ? "no such file" : code ?? e.message}`, { kind: "usage" });
  }
  return parsePolicyText(text, file);
}
var import_semver, import_yaml, MAX_POLICY_BYTES, MAX_REGEXP_LENGTH, Reader, DIGEST;
var init_load = __esm({
  "src/policy/load.ts"() {
    "use strict";
    init_read_file();
    import_semver = __toESM(require_semver2(), 1);
    import_yaml = __toESM(require_dist(), 1);
    init_errors();
    init_licenses();
    init_stage();
    init_types();
    init_types2();
    MAX_POLICY_BYTES = 1024 * 1024;
    MAX_REGEXP_LENGTH = 1024;
    Reader = class {
      constructor(file) {
        this.file = file;
      }
      fail(at2, msg) {
        throw invalid(this.file, at2, msg);
      }
      object(v2, at2, fields) {
        if (typeof v2 !== "object" || v2 === null || Array.isArray(v2)) this.fail(at2, `must be a mapping (object), got ${describe2(v2)}`);
        const o = v2;
        for (const k2 of Object.keys(o)) {
          if (!fields.includes(k2)) this.fail(join(at2, k2), `unknown field${suggest(k2, fields)}`);
        }
        return o;
      }
      string(v2, at2) {
        if (typeof v2 !== "string" || v2 === "") this.fail(at2, `must be a non-empty string, got ${describe2(v2)}`);
        return v2;
      }
      bool(v2, at2) {
        if (typeof v2 !== "boolean") this.fail(at2, `must be true or false, got ${describe2(v2)}`);
        return v2;
      }
      strings(v2, at2) {
        if (!Array.isArray(v2)) this.fail(at2, `must be a list, got ${describe2(v2)}`);
        return v2.map((x, i) => this.string(x, `${at2}[${i}]`));
      }
    };
    DIGEST = /^sha256:[0-9a-f]{64}$/;
  }
});

// src/policy/trust.ts
var trust_exports = {};
__export(trust_exports, {
  policyTrust: () => policyTrust,
  trustFactories: () => trustFactories
});
function unsupported(kind) {
  throw usage("POLICY_TRUST_UNSUPPORTED", `policy trust.${kind} is not supported by this build of modelsign; use trust.keys, or give --key on the command line`);
}
async function policyTrust(trust, relativeTo = (f2) => f2) {
  const checks = [];
  if (trust.keys.length > 0) {
    const { loadPublicKey: loadPublicKey2 } = await Promise.resolve().then(() => (init_keyfile(), keyfile_exports));
    const { keyTrust: keyTrust2 } = await Promise.resolve().then(() => (init_trust_key(), trust_key_exports));
    for (const k2 of trust.keys) checks.push(keyTrust2(await loadPublicKey2(k2), `policy key ${relativeTo(k2)}`));
  }
  if (trust.certificateChains.length > 0) {
    const make = trustFactories.certificateChains;
    if (!make) unsupported("certificateChains");
    checks.push(await make(trust.certificateChains));
  }
  if (trust.identities.length > 0) {
    const make = trustFactories.identities;
    if (!make) unsupported("identities");
    checks.push(await make({ identities: trust.identities }));
  }
  return checks;
}
var trustFactories;
var init_trust = __esm({
  "src/policy/trust.ts"() {
    "use strict";
    init_errors();
    trustFactories = {};
  }
});

// src/lineage/metadata.ts
function isRelation(v2) {
  return typeof v2 === "string" && RELATIONS.includes(v2);
}
function prefixed(digest) {
  const d = digest.toLowerCase();
  return d.startsWith("sha256:") ? d : `sha256:${d}`;
}
function bareHex(digest) {
  const d = digest.toLowerCase();
  return d.startsWith("sha256:") ? d.slice(7) : d;
}
function hasControl(s3) {
  return /[\u0000-\u001f\u007f]/.test(s3);
}
function onlyKeys(o, allowed, what, bad4) {
  for (const k2 of Object.keys(o)) if (!allowed.includes(k2)) bad4(`${what} has an unknown field "${k2.slice(0, 40)}"`);
}
function parseLineageMeta(v2, where = "lineage") {
  if (v2 === void 0) return void 0;
  const bad4 = (m2) => {
    throw reject("LINEAGE_MALFORMED", `${where}: ${m2}`);
  };
  if (!isObject(v2)) bad4("annotations.modelsign.lineage must be an object");
  const o = v2;
  onlyKeys(o, ["parents", "datasets"], "lineage", bad4);
  if (!Array.isArray(o.parents)) bad4("lineage.parents must be an array");
  const ps2 = o.parents;
  if (ps2.length > MAX_PARENTS) bad4(`more than ${MAX_PARENTS} parents`);
  const parents = ps2.map((p2, i) => {
    if (!isObject(p2)) bad4(`parents[${i}] must be an object`);
    const q2 = p2;
    onlyKeys(q2, ["name", "version", "rootDigest", "bundleDigest", "relation"], `parents[${i}]`, bad4);
    const { name, version, rootDigest: rootDigest2, bundleDigest, relation } = q2;
    if (typeof name !== "string" || name.length === 0 || name.length > MAX_NAME_LENGTH || hasControl(name)) bad4(`parents[${i}].name must be a non-empty string of at most ${MAX_NAME_LENGTH} characters`);
    if (typeof version !== "string" || version.length > MAX_NAME_LENGTH || import_semver2.default.valid(version) !== version) bad4(`parents[${i}].version must be a semantic version like 1.2.0`);
    if (typeof rootDigest2 !== "string" || !DIGEST_RE.test(rootDigest2)) bad4(`parents[${i}].rootDigest must be sha256:<64 lowercase hex>`);
    if (typeof bundleDigest !== "string" || !DIGEST_RE.test(bundleDigest)) bad4(`parents[${i}].bundleDigest must be sha256:<64 lowercase hex>`);
    if (!isRelation(relation)) bad4(`parents[${i}].relation must be one of ${RELATIONS.join(", ")}`);
    return { name, version, rootDigest: rootDigest2, bundleDigest, relation };
  });
  const out2 = { parents };
  if (o.datasets !== void 0) {
    if (!Array.isArray(o.datasets)) bad4("lineage.datasets must be an array");
    const ds2 = o.datasets;
    if (ds2.length > MAX_DATASETS) bad4(`more than ${MAX_DATASETS} datasets`);
    out2.datasets = ds2.map((d, i) => {
      if (!isObject(d)) bad4(`datasets[${i}] must be an object`);
      const q2 = d;
      onlyKeys(q2, ["uri", "digest"], `datasets[${i}]`, bad4);
      if (typeof q2.uri !== "string" || q2.uri.length === 0 || q2.uri.length > MAX_URI_LENGTH || hasControl(q2.uri)) bad4(`datasets[${i}].uri must be a non-empty string`);
      const r = { uri: q2.uri };
      if (q2.digest !== void 0) {
        if (typeof q2.digest !== "string" || !DIGEST_RE.test(q2.digest)) bad4(`datasets[${i}].digest must be sha256:<64 lowercase hex>`);
        r.digest = q2.digest;
      }
      return r;
    });
  }
  return out2;
}
function parseDatasetFlag(v2) {
  const m2 = /^(.*)=(sha256:.*)$/is.exec(v2);
  const uri = m2 ? m2[1] : v2;
  if (uri.length === 0 || uri.length > MAX_URI_LENGTH || hasControl(uri)) {
    throw usage("BAD_OPTION", `--dataset needs URI[=sha256:DIGEST] with a non-empty URI of at most ${MAX_URI_LENGTH} characters (got "${v2.slice(0, 80)}")`);
  }
  if (!m2) return { uri };
  const digest = m2[2].toLowerCase();
  if (!DIGEST_RE.test(digest)) throw usage("BAD_OPTION", `--dataset digest must be sha256:<64 hex characters> (got "${m2[2].slice(0, 80)}")`);
  return { uri, digest };
}
var import_semver2, RELATIONS, MAX_PARENTS, MAX_DATASETS, MAX_NAME_LENGTH, MAX_URI_LENGTH, DIGEST_RE;
var init_metadata = __esm({
  "src/lineage/metadata.ts"() {
    "use strict";
    import_semver2 = __toESM(require_semver2(), 1);
    init_errors();
    init_strict_json();
    RELATIONS = ["finetune", "quantized", "merge", "adapter", "distill"];
    MAX_PARENTS = 64;
    MAX_DATASETS = 1024;
    MAX_NAME_LENGTH = 256;
    MAX_URI_LENGTH = 4096;
    DIGEST_RE = /^sha256:[0-9a-f]{64}$/;
  }
});

// src/policy/stage.ts
var stage_exports = {};
__export(stage_exports, {
  policyStage: () => policyStage,
  readLineage: () => readLineage
});
function readLineage(v2) {
  if (v2 === void 0) return void 0;
  if (typeof v2 !== "object" || v2 === null || !Array.isArray(v2.ancestors)) return "malformed";
  const list = v2.ancestors;
  if (list.length > MAX_ANCESTORS) return "malformed";
  const out2 = [];
  for (const a of list) {
    if (typeof a !== "object" || a === null) return "malformed";
    const x = a;
    if (typeof x.name !== "string" || typeof x.rootDigest !== "string" || typeof x.verified !== "boolean") return "malformed";
    if (x.license !== void 0 && x.license !== null && typeof x.license !== "string") return "malformed";
    out2.push({
      name: x.name,
      rootDigest: x.rootDigest,
      verified: x.verified,
      ...typeof x.version === "string" ? { version: x.version } : {},
      ...typeof x.license === "string" ? { license: x.license } : {},
      ...typeof x.relation === "string" ? { relation: x.relation } : {},
      ...typeof x.signer === "string" ? { signer: x.signer } : {},
      ...typeof x.depth === "number" ? { depth: x.depth } : {},
      ...typeof x.childName === "string" ? { childName: x.childName } : {}
    });
  }
  return { ancestors: out2 };
}
function declaresParents(lineage) {
  if (Array.isArray(lineage)) return lineage.length > 0;
  if (typeof lineage === "object" && lineage !== null) {
    const parents = lineage.parents;
    return Array.isArray(parents) && parents.length > 0;
  }
  return false;
}
function short(d) {
  return d ? `${d.slice(0, "sha256:".length + 12)}\u2026` : "unknown digest";
}
function id(s3) {
  return clean4(`${s3.name}${s3.version ? `@${s3.version}` : ""}`);
}
function origin(s3) {
  if (s3.kind === "model") return `of the model ${id(s3)}`;
  const rel = s3.relation && s3.childName ? `, ${clean4(s3.relation, 40)} parent of ${clean4(s3.childName)}` : s3.childName ? `, parent of ${clean4(s3.childName)}` : "";
  return `brought in by ancestor ${id(s3)} (${clean4(short(s3.rootDigest))}${rel})`;
}
function licenseFailure(s3, raw, blockers, purpose) {
  const denied2 = blockers.filter((b2) => b2.reason === "denied");
  const code = denied2.length > 0 ? "POLICY_LICENSE_DENIED" : blockers.every((b2) => b2.reason === "unknown") ? "POLICY_LICENSE_UNKNOWN" : "POLICY_LICENSE_NOT_ALLOWED";
  const why = (b2) => b2.reason === "denied" ? "is denied" : b2.reason === "unknown" ? "is not a known license and not allowed by name" : "is not allowed";
  if (s3.license === void 0 || s3.license.trim() === "") {
    const who = s3.kind === "model" ? `the model ${id(s3)}` : origin(s3).replace("brought in by ", "");
    return { code, message: `${who} records no license, and "none" is not allowed for ${purpose} by the policy` };
  }
  const whole = blockers.length === 1 && displayId(blockers[0].term).toLowerCase() === raw.toLowerCase();
  const detail = whole ? why(blockers[0]) : `is not acceptable: ${blockers.map((b2) => `${clean4(displayId(b2.term))} ${why(b2)}`).join(", ")}`;
  return { code, message: `license "${clean4(raw, 200)}" ${origin(s3)} ${detail} for ${purpose} by the policy` };
}
function policyStage(policy, purpose) {
  return async (ctx) => {
    const failures = [];
    const meta = ctx.statement.metadata;
    const model = {
      kind: "model",
      name: meta?.name ?? ctx.statement.subjectName,
      version: meta?.version,
      rootDigest: ctx.result.rootDigest ? withSha(ctx.result.rootDigest) : void 0,
      license: meta?.license
    };
    const lineage = readLineage(ctx.result.extra.lineage);
    const report2 = { file: policy.file, purpose, licenses: [], lineageChecked: lineage !== void 0 && lineage !== "malformed" };
    ctx.result.extra.policy = report2;
    if (lineage === "malformed") {
      failures.push({ code: "POLICY_LINEAGE_MALFORMED", message: "the lineage result is not in the expected form; the policy cannot tell which licenses bind the model" });
      return failures;
    }
    const ancestors = lineage?.ancestors ?? [];
    if (policy.lineage.require) {
      if (!lineage) failures.push({ code: "POLICY_LINEAGE_REQUIRED", message: `the policy requires verified lineage, but no lineage was checked (give --lineage DIR)` });
      for (const a of ancestors) {
        if (!a.verified) failures.push({ code: "POLICY_LINEAGE_UNVERIFIED", message: `the policy requires verified lineage, but ancestor ${clean4(`${a.name}${a.version ? `@${a.version}` : ""}`)} (${clean4(short(withSha(a.rootDigest)))}) is not verified` });
      }
    } else if (!lineage && declaresParents(meta?.lineage) && (policy.license !== void 0 || policy.revoked.length > 0 || Object.keys(policy.lineage.minVersion).length > 0)) {
      failures.push({ code: "POLICY_LINEAGE_UNKNOWN", message: `${id(model)} was built from parent models whose licenses bind it, but no lineage was checked (give --lineage DIR)` });
    }
    const sources = [
      model,
      ...ancestors.map((a) => ({ kind: "ancestor", name: a.name, version: a.version, rootDigest: withSha(a.rootDigest), relation: a.relation, childName: a.childName, license: a.license }))
    ];
    if (policy.revoked.length > 0) {
      const revoked = new Set(policy.revoked);
      for (const s3 of sources) {
        if (s3.rootDigest && revoked.has(s3.rootDigest)) {
          failures.push({ code: "POLICY_REVOKED", message: s3.kind === "model" ? `the model ${id(s3)} (${s3.rootDigest}) is revoked by the policy` : `ancestor ${id(s3)} (${clean4(s3.rootDigest)}) is revoked by the policy` });
        }
      }
    }
    for (const s3 of sources) {
      const min = Object.hasOwn(policy.lineage.minVersion, s3.name) ? policy.lineage.minVersion[s3.name] : void 0;
      if (min === void 0) continue;
      const v2 = s3.version !== void 0 ? import_semver3.default.valid(s3.version) : null;
      const who = s3.kind === "model" ? id(s3) : origin(s3).replace("brought in by ", "");
      if (v2 === null) failures.push({ code: "POLICY_MIN_VERSION", message: `the policy requires ${clean4(s3.name)} >= ${min}, but the signature records ${s3.version === void 0 ? "no version" : `version "${clean4(s3.version)}", which is not semver`}` });
      else if (import_semver3.default.lt(v2, min)) failures.push({ code: "POLICY_MIN_VERSION", message: `${who} is below the policy's minimum version ${min}` });
    }
    if (policy.license !== void 0) {
      const rule = policy.rules[purpose];
      if (!rule) {
        failures.push({ code: "POLICY_PURPOSE_NOT_COVERED", message: `the policy has no license rule for ${purpose}, so no model may be used for ${purpose} under it` });
      } else {
        for (const s3 of sources) {
          const lic = normalizeLicense(s3.license);
          const verdict = evaluateLicense(lic, rule);
          report2.licenses.push({ from: s3.kind, name: s3.name, version: s3.version ?? null, rootDigest: s3.rootDigest ?? null, license: lic.raw, spdx: lic.spdx ?? null, allowed: verdict.ok });
          if (!verdict.ok) failures.push(licenseFailure(s3, lic.raw, verdict.blockers, purpose));
        }
      }
    }
    return failures;
  };
}
var import_semver3, MAX_ANCESTORS, withSha, clean4;
var init_stage2 = __esm({
  "src/policy/stage.ts"() {
    "use strict";
    import_semver3 = __toESM(require_semver2(), 1);
    init_licenses();
    init_metadata();
    init_one_line();
    MAX_ANCESTORS = 1e4;
    withSha = prefixed;
    clean4 = (text, max = 120) => clean3(text, max);
  }
});

// src/policy/formats.ts
var formats_exports = {};
__export(formats_exports, {
  formatsStages: () => formatsStages
});
function formatsStages(formats) {
  return formats ? [formatsStage(formats)] : [];
}
var init_formats = __esm({
  "src/policy/formats.ts"() {
    "use strict";
    init_stage();
  }
});

// src/util/base64.ts
function decodeBase64(s3, what, code = "SIG_MALFORMED") {
  const clean5 = s3.replace(/\s+/g, "");
  if (!B64.test(clean5)) throw reject(code, `${what} is not valid base64`);
  return Buffer.from(clean5, "base64");
}
var B64;
var init_base64 = __esm({
  "src/util/base64.ts"() {
    "use strict";
    init_errors();
    B64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
  }
});

// src/oms/dsse.ts
function pae(payloadType, payload) {
  const type = Buffer.from(payloadType, "utf8");
  const head = Buffer.from(`DSSEv1 ${type.length} ${payloadType} ${payload.length} `, "utf8");
  return Buffer.concat([head, payload]);
}
var IN_TOTO_PAYLOAD_TYPE;
var init_dsse = __esm({
  "src/oms/dsse.ts"() {
    "use strict";
    IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";
  }
});

// src/oms/bundle.ts
function buildBundle(input) {
  const verificationMaterial = "publicKeyHint" in input.material ? { publicKey: { hint: input.material.publicKeyHint }, tlogEntries: [] } : { x509CertificateChain: { certificates: input.material.certificates.map((c) => ({ rawBytes: c.toString("base64") })) }, tlogEntries: [] };
  return {
    mediaType: BUNDLE_MEDIA_TYPE,
    verificationMaterial,
    dsseEnvelope: {
      payload: input.payload.toString("base64"),
      payloadType: IN_TOTO_PAYLOAD_TYPE,
      signatures: [{ sig: input.signature.toString("base64"), keyid: "" }]
    }
  };
}
function serializeBundle(bundle) {
  return JSON.stringify(bundle, null, 2) + "\n";
}
async function readBundleFile(file, maxBytes = MAX_BUNDLE_BYTES) {
  try {
    return await readRegularFile(file, maxBytes);
  } catch (e) {
    if (e instanceof NotRegularFile) throw reject("SIG_UNREADABLE", `signature is not a regular file: ${file}`);
    if (e instanceof FileTooLarge) throw reject("SIG_TOO_LARGE", `signature file is larger than ${maxBytes} bytes: ${file}`);
    const c = errnoCode(e);
    if (c === "ENOENT") throw reject("SIG_MISSING", `signature file not found: ${file}`);
    if (c === "EISDIR") throw usage("SIG_UNREADABLE", `signature path is a directory: ${file}`);
    throw reject("SIG_UNREADABLE", `cannot read signature file ${file}: ${c ?? String(e)}`);
  }
}
function bad(msg) {
  throw reject("SIG_MALFORMED", `signature bundle is malformed: ${msg}`);
}
function parseBundle(bytes) {
  if (bytes.length === 0) bad("file is empty");
  if (bytes.length > MAX_BUNDLE_BYTES) throw reject("SIG_TOO_LARGE", `signature bundle is larger than ${MAX_BUNDLE_BYTES} bytes`);
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    bad("not UTF-8");
  }
  const json = parseStrictJson(text, { what: "signature bundle", code: "SIG_MALFORMED" });
  if (!isObject(json)) bad("not a JSON object");
  const mediaType = json.mediaType;
  if (typeof mediaType !== "string" || !mediaType.startsWith("application/vnd.dev.sigstore.bundle")) bad("missing or unknown mediaType");
  const vm = json.verificationMaterial;
  if (!isObject(vm)) bad("verificationMaterial missing");
  let material;
  if (isObject(vm.publicKey)) {
    const pk = vm.publicKey;
    material = { kind: "publicKey" };
    if (pk.hint !== void 0) {
      if (typeof pk.hint !== "string") bad("publicKey.hint must be a string");
      material.hint = pk.hint;
    }
    if (pk.rawBytes !== void 0) {
      if (typeof pk.rawBytes !== "string") bad("publicKey.rawBytes must be a string");
      material.rawBytes = decodeBase64(pk.rawBytes, "publicKey.rawBytes");
    }
    if (typeof pk.keyDetails === "string") material.keyDetails = pk.keyDetails;
  } else if (isObject(vm.x509CertificateChain)) {
    const certs = vm.x509CertificateChain.certificates;
    if (!Array.isArray(certs) || certs.length === 0 || certs.length > 16) bad("x509CertificateChain.certificates must hold 1 to 16 certificates");
    material = {
      kind: "x509CertificateChain",
      certificates: certs.map((c, i) => {
        if (!isObject(c) || typeof c.rawBytes !== "string") bad(`certificate ${i} has no rawBytes`);
        return decodeBase64(c.rawBytes, `certificate ${i}`);
      })
    };
  } else if (isObject(vm.certificate)) {
    if (typeof vm.certificate.rawBytes !== "string") bad("certificate.rawBytes missing");
    material = { kind: "certificate", certificate: decodeBase64(vm.certificate.rawBytes, "certificate") };
  } else {
    bad("verificationMaterial has no publicKey, x509CertificateChain or certificate");
  }
  const env = json.dsseEnvelope;
  if (!isObject(env)) {
    if (json.messageSignature !== void 0) throw reject("UNSUPPORTED_FORMAT", "bundle holds a message signature, not a DSSE envelope: not a model signature");
    bad("dsseEnvelope missing");
  }
  if (typeof env.payloadType !== "string") bad("dsseEnvelope.payloadType missing");
  if (typeof env.payload !== "string" || env.payload.length === 0) bad("dsseEnvelope.payload missing");
  const payload = decodeBase64(env.payload, "dsseEnvelope.payload");
  const sigs = env.signatures;
  if (!Array.isArray(sigs) || sigs.length === 0) bad("dsseEnvelope.signatures is empty");
  if (sigs.length > 16) bad("too many signatures");
  const signatures = sigs.map((s3, i) => {
    if (!isObject(s3) || typeof s3.sig !== "string" || s3.sig.length === 0) bad(`signature ${i} has no sig`);
    const keyid = s3.keyid;
    if (keyid !== void 0 && keyid !== null && typeof keyid !== "string") bad(`signature ${i} keyid must be a string or null`);
    return { sig: decodeBase64(s3.sig, `signature ${i}`), keyid };
  });
  return { mediaType, material, payloadType: env.payloadType, payload, signatures, json, bytes };
}
var BUNDLE_MEDIA_TYPE, MAX_BUNDLE_BYTES;
var init_bundle = __esm({
  "src/oms/bundle.ts"() {
    "use strict";
    init_read_file();
    init_errors();
    init_base64();
    init_strict_json();
    init_dsse();
    BUNDLE_MEDIA_TYPE = "application/vnd.dev.sigstore.bundle.v0.3+json";
    MAX_BUNDLE_BYTES = 32 * 1024 * 1024;
  }
});

// src/hashing/serialize.ts
import { createHash as createHash3 } from "node:crypto";
function planResources(files, method, shardSize) {
  if (method === "files") return files.map((f2) => ({ name: f2.name, file: f2, start: 0, end: f2.size }));
  if (!shardSize || !Number.isSafeInteger(shardSize) || shardSize <= 0) throw new Error("shard size must be a positive integer");
  const out2 = [];
  for (const f2 of files) {
    if (f2.size === 0) {
      out2.push({ name: `${f2.name}:0:0`, file: f2, start: 0, end: 0 });
      continue;
    }
    for (let start = 0; start < f2.size; start += shardSize) {
      const end = Math.min(f2.size, start + shardSize);
      out2.push({ name: `${f2.name}:${start}:${end}`, file: f2, start, end });
    }
  }
  return out2;
}
function taskFor(p2) {
  return { abs: p2.file.abs, start: p2.start, end: p2.end, expectSize: p2.file.size, followLink: p2.file.viaLink };
}
async function hashResources(plans, alg, opts = {}) {
  const outcomes = await hashTasks(plans.map(taskFor), alg, opts);
  return plans.map((p2, i) => {
    const o = outcomes[i];
    if (!o.ok) throw reject(o.code, `${p2.file.name}: ${o.message}`, p2.file.name);
    return { name: p2.name, algorithm: alg, digest: o.digest };
  });
}
function rootDigest(resources) {
  const h = createHash3("sha256");
  for (const r of resources) h.update(Buffer.from(r.digest, "hex"));
  return h.digest("hex");
}
var init_serialize = __esm({
  "src/hashing/serialize.ts"() {
    "use strict";
    init_errors();
    init_engine();
  }
});

// src/hashing/archive.ts
var archive_exports = {};
__export(archive_exports, {
  EMBEDDED_SIGNATURE: () => EMBEDDED_SIGNATURE,
  archiveSourceFor: () => archiveSourceFor,
  isArchivePath: () => isArchivePath,
  scanArchive: () => scanArchive
});
import { constants as constants3 } from "node:fs";
import { open as open3, stat as stat3 } from "node:fs/promises";
import path7 from "node:path";
function isArchivePath(p2) {
  return ARCHIVE_RE.test(p2);
}
async function archiveSourceFor(model) {
  if (!isArchivePath(model)) return void 0;
  try {
    if (!(await stat3(model)).isFile()) return void 0;
  } catch {
  }
  return (req) => scanArchive(model, req);
}
function cleanName(raw, isDir) {
  let s3 = raw;
  while (s3.startsWith("./")) s3 = s3.slice(2);
  if (isDir) while (s3.endsWith("/")) s3 = s3.slice(0, -1);
  return s3;
}
function entryKind(type) {
  switch (type) {
    case "File":
    case "OldFile":
    case "ContiguousFile":
      return "file";
    case "Directory":
      return "dir";
    case "Link":
      return "hardlink";
    case "SymbolicLink":
      return "symlink";
    case "CharacterDevice":
    case "BlockDevice":
    case "FIFO":
      return "special";
    default:
      return "other";
  }
}
async function scanArchive(file, req, opts = {}) {
  await prepareAlgorithm(req.alg);
  const maxEntries = opts.maxEntries ?? DEFAULT_MAX_ENTRIES;
  try {
    return await scanPass(file, req, { mode: "auto" }, maxEntries);
  } catch (e) {
    if (e instanceof RestartWithoutPrefix) return scanPass(file, req, { mode: "none" }, maxEntries);
    throw e;
  }
}
async function openArchive(file) {
  let fh;
  try {
    fh = await open3(file, constants3.O_RDONLY | (constants3.O_NONBLOCK ?? 0));
  } catch (e) {
    const c = errnoCode(e);
    throw usage("MODEL_NOT_FOUND", c === "ENOENT" ? `model not found: ${file}` : `cannot read archive ${file}: ${c ?? String(e)}`);
  }
  const st2 = await fh.stat();
  if (!st2.isFile()) {
    await fh.close();
    throw usage("SPECIAL_FILE", `archive is not a regular file: ${file}`);
  }
  return { fh, size: st2.size };
}
async function scanPass(file, req, initial, maxEntries) {
  const root = path7.resolve(file);
  const { fh, size: archiveSize } = await openArchive(root);
  const ignorePaths = [...req.ignorePaths, EMBEDDED_SIGNATURE];
  const problems = [];
  const files = [];
  const hashed = /* @__PURE__ */ new Map();
  const regular = /* @__PURE__ */ new Map();
  const dirs = /* @__PURE__ */ new Set();
  const seen = /* @__PURE__ */ new Set();
  const symlinks = /* @__PURE__ */ new Map();
  const pending = [];
  let prefix = initial;
  let entries = 0;
  const hostile = (code, raw, message) => problems.push({ code, message: `archive entry ${JSON.stringify(raw)}: ${message}` });
  const decidePrefix = (raw, cleaned, kind) => {
    if (prefix.mode !== "auto") return;
    const segs = cleaned.split("/");
    if (raw.startsWith("./") || cleaned === "" || segs.length === 1 && kind !== "dir") {
      prefix = { mode: "none" };
      return;
    }
    const folder = segs[0];
    const signed = req.signedPaths;
    if (signed && signed.size > 0 && [...signed].every((p2) => p2.startsWith(`${folder}/`))) {
      prefix = { mode: "none" };
      return;
    }
    prefix = { mode: "strip", folder };
  };
  const toModelName = (cleaned) => {
    if (cleaned === "" || cleaned === ".") return void 0;
    if (prefix.mode !== "strip") return cleaned;
    if (cleaned === prefix.folder) return void 0;
    if (cleaned.startsWith(`${prefix.folder}/`)) return cleaned.slice(prefix.folder.length + 1);
    throw new RestartWithoutPrefix();
  };
  const hashEntry = (entry, name, size, done) => {
    const ranges = req.ranges(name, size).filter(([s3, e]) => s3 >= 0 && e >= s3 && e <= size);
    ranges.sort((a, b2) => a[0] - b2[0]);
    const hashers = ranges.map(() => createHasher2(req.alg));
    let pos = 0;
    let lo2 = 0;
    entry.on("data", (chunk) => {
      const cEnd = pos + chunk.length;
      while (lo2 < ranges.length && ranges[lo2][1] <= pos && ranges[lo2][1] !== ranges[lo2][0]) lo2++;
      for (let i = lo2; i < ranges.length && ranges[i][0] < cEnd; i++) {
        const [s3, e] = ranges[i];
        const from = Math.max(s3, pos);
        const to2 = Math.min(e, cEnd);
        if (to2 > from) hashers[i].update(chunk.subarray(from - pos, to2 - pos));
      }
      pos = cEnd;
    });
    entry.on("end", () => {
      if (pos !== size) {
        hostile("ARCHIVE_MALFORMED", entry.path, `entry holds ${pos} bytes but its header says ${size}`);
      } else {
        ranges.forEach(([s3, e], i) => hashed.set(rangeKey(name, s3, e), { ok: true, digest: hashers[i].digestHex() }));
      }
      done();
    });
  };
  const onEntry = (entry) => {
    const raw = entry.path;
    const kind = entryKind(entry.type);
    entries++;
    if (entries > maxEntries) {
      entry.resume();
      throw usage("TOO_MANY_FILES", `archive has more than ${maxEntries} entries`);
    }
    const cleaned = cleanName(raw, kind === "dir");
    decidePrefix(raw, cleaned, kind);
    const why = cleaned === "" ? void 0 : unsafeNameReason(cleaned);
    if (why) {
      hostile("UNSAFE_NAME", raw, `unsafe name (${why})`);
      entry.resume();
      return;
    }
    const name = toModelName(cleaned);
    if (name === void 0) {
      if (kind !== "dir") hostile("UNSAFE_NAME", raw, "a non-directory entry names the model root");
      entry.resume();
      return;
    }
    if (seen.has(name)) {
      hostile("DUPLICATE_NAME", raw, "name appears twice in the archive");
      entry.resume();
      return;
    }
    seen.add(name);
    const ignored = isIgnored(name, ignorePaths) && !(req.signedPaths?.has(name) ?? false);
    switch (kind) {
      case "dir":
        dirs.add(name);
        entry.resume();
        return;
      case "file": {
        const size = entry.size ?? 0;
        if (ignored) {
          regular.set(name, { size, hashed: false });
          entry.resume();
          return;
        }
        regular.set(name, { size, hashed: true });
        files.push({ name, abs: root, size, viaLink: false });
        hashEntry(entry, name, size, () => void 0);
        return;
      }
      case "hardlink": {
        entry.resume();
        const target = resolveHardlink(entry.linkpath ?? "");
        const t = target === void 0 ? void 0 : regular.get(target);
        if (target === void 0 || !t) {
          hostile("ARCHIVE_LINK_OUTSIDE", raw, `hard link to ${JSON.stringify(entry.linkpath)}, which is not an earlier file of the model`);
          return;
        }
        if (ignored) return;
        if (!t.hashed) {
          hostile("ARCHIVE_LINK_OUTSIDE", raw, `hard link to ignored file ${JSON.stringify(target)}`);
          return;
        }
        for (const [s3, e] of req.ranges(name, t.size)) {
          const h = hashed.get(rangeKey(target, s3, e));
          if (h) hashed.set(rangeKey(name, s3, e), h);
        }
        regular.set(name, { size: t.size, hashed: true });
        files.push({ name, abs: root, size: t.size, viaLink: false });
        return;
      }
      case "symlink": {
        entry.resume();
        const lp = entry.linkpath ?? "";
        const resolved = lp.startsWith("/") ? void 0 : path7.posix.normalize(path7.posix.join(path7.posix.dirname(name), lp));
        if (resolved === void 0 || resolved === ".." || resolved.startsWith("../") || resolved === ".") {
          hostile("SYMLINK_OUTSIDE", raw, `symlink to ${JSON.stringify(lp)} points outside the model`);
          return;
        }
        if (ignored) return;
        if (!req.allowSymlinks) {
          problems.push({ code: "SYMLINK_REFUSED", path: name, message: "symlinks are not allowed (use --allow-symlinks for links inside the model)" });
          return;
        }
        symlinks.set(name, resolved);
        pending.push({ name, target: resolved });
        return;
      }
      case "special":
        entry.resume();
        hostile("SPECIAL_FILE", raw, `${entry.type} entries are not allowed in a model archive`);
        return;
      default:
        entry.resume();
        hostile("UNSUPPORTED_ENTRY", raw, `unsupported tar entry type ${entry.type}`);
    }
  };
  const resolveHardlink = (linkpath) => {
    const cleaned = cleanName(linkpath, false);
    if (unsafeNameReason(cleaned)) return void 0;
    try {
      return toModelName(cleaned);
    } catch (e) {
      if (e instanceof RestartWithoutPrefix) return void 0;
      throw e;
    }
  };
  const resolveSymlinks = () => {
    for (const link of pending) {
      let target = link.target;
      let hops = 0;
      while (symlinks.has(target) && hops++ < MAX_LINK_HOPS) target = symlinks.get(target);
      const t = regular.get(target);
      if (symlinks.has(target)) {
        problems.push({ code: "SYMLINK_LOOP", path: link.name, message: "symlink chain loops or is too long" });
      } else if (dirs.has(target) || [...seen].some((n) => n.startsWith(`${target}/`))) {
        problems.push({ code: "SYMLINK_REFUSED", path: link.name, message: "symlinks to directories are not supported inside archives" });
      } else if (!t) {
        problems.push({ code: "SYMLINK_BROKEN", path: link.name, message: "symlink target does not exist in the archive" });
      } else if (!t.hashed) {
        problems.push({ code: "SYMLINK_REFUSED", path: link.name, message: "symlink to an ignored file" });
      } else {
        for (const [s3, e] of req.ranges(link.name, t.size)) {
          const h = hashed.get(rangeKey(target, s3, e));
          if (h) hashed.set(rangeKey(link.name, s3, e), h);
        }
        files.push({ name: link.name, abs: root, size: t.size, viaLink: true });
      }
    }
  };
  return new Promise((resolve, rejectP) => {
    let finished = false;
    const rs2 = fh.createReadStream({ highWaterMark: 1024 * 1024 });
    let lastProgress = 0;
    rs2.on("data", () => {
      const now = Date.now();
      if (req.onProgress && now - lastProgress >= 200) {
        lastProgress = now;
        req.onProgress(rs2.bytesRead, archiveSize);
      }
    });
    const finish = (err) => {
      if (finished) return;
      finished = true;
      if (err !== void 0) {
        rs2.destroy();
        if (err instanceof RestartWithoutPrefix || err instanceof Error && err.name === "ModelsignError") {
          rejectP(err);
          return;
        }
        const msg = err instanceof Error ? err.message : String(err);
        problems.push({ code: "ARCHIVE_MALFORMED", message: `cannot read archive: ${msg.replace(/^TAR_[A-Z_]+: /, "")}` });
      }
      req.onProgress?.(archiveSize, archiveSize);
      resolveSymlinks();
      files.sort((a, b2) => compareCodePoints(a.name, b2.name));
      resolve({ listing: { root, isFile: false, files, problems }, hashed });
    };
    const parser = new rt({
      strict: true,
      onReadEntry: (entry) => {
        if (finished) {
          entry.resume();
          return;
        }
        try {
          onEntry(entry);
        } catch (e) {
          entry.resume();
          finish(e);
        }
      }
    });
    parser.on("ignoredEntry", (entry) => {
      if (!entry.meta) hostile("UNSUPPORTED_ENTRY", entry.path, `unsupported tar entry type ${entry.type}`);
      else hostile("ARCHIVE_MALFORMED", entry.path, "oversized extended header");
    });
    parser.on("error", (e) => finish(e));
    parser.on("end", () => finish());
    rs2.on("error", (e) => {
      if (finished) return;
      finished = true;
      rejectP(usage("MODEL_NOT_FOUND", `cannot read archive ${file}: ${errnoCode(e) ?? String(e)}`));
    });
    rs2.pipe(parser);
  });
}
var ARCHIVE_RE, DEFAULT_MAX_ENTRIES, MAX_LINK_HOPS, EMBEDDED_SIGNATURE, RestartWithoutPrefix;
var init_archive = __esm({
  "src/hashing/archive.ts"() {
    "use strict";
    init_index_min();
    init_errors();
    init_algorithms2();
    init_paths();
    init_source();
    ARCHIVE_RE = /\.(tar|tar\.gz|tgz)$/i;
    DEFAULT_MAX_ENTRIES = 1e6;
    MAX_LINK_HOPS = 40;
    EMBEDDED_SIGNATURE = "model.sig";
    RestartWithoutPrefix = class extends Error {
    };
  }
});

// src/oms/statement.ts
function buildStatement(opts) {
  const subject = { name: opts.name, digest: { sha256: opts.rootDigest } };
  if (opts.metadata) subject.annotations = { modelsign: opts.metadata };
  return {
    _type: STATEMENT_TYPE,
    subject: [subject],
    predicateType: OMS_PREDICATE_TYPE,
    predicate: { serialization: opts.serialization, resources: opts.resources }
  };
}
function bad2(msg) {
  throw reject("STATEMENT_MALFORMED", `signed statement is malformed: ${msg}`);
}
function str(v2, what) {
  if (typeof v2 !== "string") bad2(`${what} must be a string`);
  return v2;
}
function parseResources(v2, hashType) {
  if (!Array.isArray(v2)) bad2("predicate.resources must be an array");
  if (v2.length > MAX_RESOURCES) bad2(`more than ${MAX_RESOURCES} resources`);
  return v2.map((r, i) => {
    if (!isObject(r)) bad2(`resources[${i}] must be an object`);
    const name = str(r.name, `resources[${i}].name`);
    const digest = str(r.digest, `resources[${i}].digest`);
    const algorithm = str(r.algorithm, `resources[${i}].algorithm`);
    if (!HEX.test(digest)) bad2(`resources[${i}].digest is not lowercase hex`);
    if (algorithm !== hashType && !algorithm.startsWith(`${hashType}-`)) {
      bad2(`resources[${i}].algorithm "${algorithm}" does not match hash_type "${hashType}"`);
    }
    return { name, digest, algorithm };
  });
}
function parseSerialization(v2) {
  if (!isObject(v2)) bad2("predicate.serialization must be an object");
  const method = v2.method;
  if (method !== "files" && method !== "shards") bad2(`unknown serialization method ${JSON.stringify(method)}`);
  const hashType = v2.hash_type;
  if (!isHashAlgorithm(hashType)) bad2(`unknown hash_type ${JSON.stringify(hashType)}`);
  const allow = v2.allow_symlinks;
  if (typeof allow !== "boolean") bad2("serialization.allow_symlinks must be a boolean");
  const out2 = { method, hash_type: hashType, allow_symlinks: allow };
  if (v2.ignore_paths !== void 0) {
    if (!Array.isArray(v2.ignore_paths) || !v2.ignore_paths.every((p2) => typeof p2 === "string")) bad2("ignore_paths must be an array of strings");
    out2.ignore_paths = v2.ignore_paths;
  }
  if (method === "shards") {
    const s3 = v2.shard_size;
    if (typeof s3 !== "number" || !Number.isSafeInteger(s3) || s3 <= 0) bad2("shard_size must be a positive integer");
    out2.shard_size = s3;
  }
  return out2;
}
function parseMetadata(subject) {
  const ann = subject.annotations;
  if (ann === void 0) return void 0;
  if (!isObject(ann)) bad2("subject annotations must be an object");
  const m2 = ann.modelsign;
  if (m2 === void 0) return void 0;
  if (!isObject(m2)) bad2("annotations.modelsign must be an object");
  for (const k2 of ["name", "version", "license", "created", "tool"]) {
    if (m2[k2] !== void 0 && typeof m2[k2] !== "string") bad2(`annotations.modelsign.${k2} must be a string`);
  }
  return { ...m2, name: typeof m2.name === "string" ? m2.name : str(subject.name, "subject.name") };
}
function parseStatement(payload) {
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(payload);
  } catch {
    bad2("payload is not UTF-8");
  }
  const st2 = parseStrictJson(text, { what: "signed statement", code: "STATEMENT_MALFORMED" });
  if (!isObject(st2)) bad2("not a JSON object");
  if (st2._type !== STATEMENT_TYPE) bad2(`_type is ${JSON.stringify(st2._type)}, expected ${STATEMENT_TYPE}`);
  if (st2.predicateType === LEGACY_PREDICATE_TYPE) {
    if (!legacyReader) throw reject("UNSUPPORTED_FORMAT", `predicate type ${LEGACY_PREDICATE_TYPE} is not supported`);
    return legacyReader(st2);
  }
  if (st2.predicateType !== OMS_PREDICATE_TYPE) {
    throw reject("UNSUPPORTED_FORMAT", `predicate type ${JSON.stringify(st2.predicateType)} is not an OMS v1.0 model signature`);
  }
  const subjects = st2.subject;
  if (!Array.isArray(subjects) || subjects.length !== 1) bad2("exactly one subject is required");
  const subject = subjects[0];
  if (!isObject(subject)) bad2("subject must be an object");
  const name = str(subject.name, "subject.name");
  if (!isObject(subject.digest)) bad2("subject.digest must be an object");
  const root = subject.digest.sha256;
  if (typeof root !== "string" || !/^[0-9a-f]{64}$/.test(root)) bad2("subject.digest.sha256 must be 64 lowercase hex characters");
  const pred = st2.predicate;
  if (!isObject(pred)) bad2("predicate must be an object");
  const serialization = parseSerialization(pred.serialization);
  const resources = parseResources(pred.resources, serialization.hash_type);
  return { format: "oms-v1.0", subjectName: name, rootDigest: root, serialization, resources, metadata: parseMetadata(subject), raw: st2 };
}
var STATEMENT_TYPE, OMS_PREDICATE_TYPE, LEGACY_PREDICATE_TYPE, HEX, MAX_RESOURCES, legacyReader;
var init_statement = __esm({
  "src/oms/statement.ts"() {
    "use strict";
    init_errors();
    init_algorithms2();
    init_strict_json();
    STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
    OMS_PREDICATE_TYPE = "https://model_signing/signature/v1.0";
    LEGACY_PREDICATE_TYPE = "https://model_signing/Digests/v0.1";
    HEX = /^[0-9a-f]+$/;
    MAX_RESOURCES = 1e6;
  }
});

// src/verify/names.ts
function checkResourceNames(names) {
  const failures = [];
  const seen = /* @__PURE__ */ new Set();
  const nfc = /* @__PURE__ */ new Map();
  const folded = /* @__PURE__ */ new Map();
  for (const name of names) {
    const why = unsafeNameReason(name);
    if (why) {
      failures.push({ code: "UNSAFE_NAME", path: name, message: `unsafe resource name in signature: ${why}` });
      continue;
    }
    if (seen.has(name)) {
      failures.push({ code: "DUPLICATE_NAME", path: name, message: "resource listed twice in signature" });
      continue;
    }
    seen.add(name);
    const n = name.normalize("NFC");
    const prevN = nfc.get(n);
    if (prevN !== void 0) {
      failures.push({ code: "NAME_COLLISION", path: name, message: `collides with "${prevN}" after Unicode normalisation` });
      continue;
    }
    nfc.set(n, name);
    const f2 = n.toLowerCase();
    const prevF = folded.get(f2);
    if (prevF !== void 0) {
      failures.push({ code: "NAME_COLLISION", path: name, message: `collides with "${prevF}" on a case-insensitive file system` });
      continue;
    }
    folded.set(f2, name);
  }
  return failures;
}
var init_names = __esm({
  "src/verify/names.ts"() {
    "use strict";
    init_paths();
  }
});

// src/verify/pipeline.ts
import path8 from "node:path";
async function defaultSignaturePath(model) {
  const { stat: stat6 } = await import("node:fs/promises");
  try {
    if ((await stat6(model)).isDirectory()) return path8.join(model, "model.sig");
  } catch {
  }
  return `${model}.sig`;
}
async function checkTrust(bundle, trust) {
  if (bundle.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    throw reject("SIG_MALFORMED", `DSSE payloadType is ${JSON.stringify(bundle.payloadType)}, expected ${IN_TOTO_PAYLOAD_TYPE}`);
  }
  if (trust.length === 0) throw new ModelsignError("NO_TRUST", "no key, certificate chain or identity to verify against", { kind: "usage" });
  const bytes = pae(bundle.payloadType, bundle.payload);
  const errors = [];
  for (const t of trust) {
    try {
      return await t.verify(bundle, bytes);
    } catch (e) {
      if (e instanceof ModelsignError && e.kind === "reject") errors.push(e);
      else throw e;
    }
  }
  if (errors.length === 1) throw errors[0];
  const first = errors[0];
  throw reject(first.code, `no trusted authority accepts the signature: ${errors.map((e) => e.message).join("; ")}`);
}
async function verifyModel(opts) {
  const signature = opts.signature ?? await defaultSignaturePath(opts.model);
  const result = {
    verified: false,
    model: opts.model,
    signature,
    rootDigest: void 0,
    subjectName: void 0,
    signer: void 0,
    signerInfo: void 0,
    metadata: void 0,
    serialization: void 0,
    filesChecked: 0,
    bytesHashed: 0,
    failures: [],
    extra: {}
  };
  try {
    const bundle = parseBundle(await readBundleFile(signature));
    const signer = await checkTrust(bundle, opts.trust);
    result.signerInfo = signer;
    result.signer = signer.description;
    const statement = parseStatement(bundle.payload);
    result.subjectName = statement.subjectName;
    result.metadata = statement.metadata;
    result.serialization = statement.serialization;
    result.rootDigest = statement.rootDigest;
    const nameFailures = checkResourceNames(statement.resources.map((r) => r.name));
    if (nameFailures.length > 0) {
      result.failures.push(...nameFailures);
      return result;
    }
    if (statement.rootDigest !== void 0) {
      const computed = rootDigest(statement.resources);
      if (computed !== statement.rootDigest) {
        result.failures.push({ code: "ROOT_DIGEST_MISMATCH", message: "signed root digest does not match the signed resource list" });
        return result;
      }
    } else {
      result.rootDigest = rootDigest(statement.resources);
    }
    const files = await checkFiles({
      model: opts.model,
      signaturePath: signature,
      serialization: statement.serialization,
      resources: statement.resources,
      ignorePaths: opts.ignorePaths ?? [],
      ignoreUnsignedFiles: opts.ignoreUnsignedFiles ?? false,
      ...opts.engine ? { engine: opts.engine } : {},
      ...opts.listing ? { listing: opts.listing } : {},
      ...await modelSource(opts, statement.resources, statement.serialization.method)
    });
    result.failures.push(...files.failures);
    result.filesChecked = files.filesChecked;
    result.bytesHashed = files.bytesHashed;
    if (result.failures.length === 0) {
      const ctx = { options: opts, bundle, statement, signer, result };
      for (const stage of opts.stages ?? []) result.failures.push(...await stage(ctx));
    }
  } catch (e) {
    if (e instanceof ModelsignError && e.kind === "reject") result.failures.push(toFailure(e));
    else throw e;
  }
  result.verified = result.failures.length === 0;
  return result;
}
async function modelSource(opts, resources, method) {
  if (opts.listing) return {};
  const base = path8.basename(opts.model);
  const fileOf = (n) => method === "shards" ? parseShardName(n)?.path ?? n : n;
  if (!opts.source && resources.length > 0 && resources.every((r) => fileOf(r.name) === "." || fileOf(r.name) === base)) return {};
  const { archiveSourceFor: archiveSourceFor2 } = await Promise.resolve().then(() => (init_archive(), archive_exports));
  const source = opts.source ?? await archiveSourceFor2(opts.model);
  return source ? { source } : {};
}
var init_pipeline = __esm({
  "src/verify/pipeline.ts"() {
    "use strict";
    init_errors();
    init_serialize();
    init_bundle();
    init_dsse();
    init_statement();
    init_files();
    init_names();
  }
});

// src/version.ts
var TOOL_VERSION;
var init_version = __esm({
  "src/version.ts"() {
    "use strict";
    TOOL_VERSION = "0.1.0";
  }
});

// src/sign/sign.ts
var sign_exports = {};
__export(sign_exports, {
  checkVersion: () => checkVersion,
  defaultModelName: () => defaultModelName,
  digestModel: () => digestModel,
  keySigner: () => keySigner,
  signModel: () => signModel,
  writeAtomic: () => writeAtomic
});
import { rename, writeFile as writeFile2, unlink } from "node:fs/promises";
import path9 from "node:path";
function keySigner(key, publicKey) {
  return async (payload) => {
    const signature = signBytes(key, pae(IN_TOTO_PAYLOAD_TYPE, payload));
    return buildBundle({ payload, signature, material: { publicKeyHint: keyHint(publicKey) } });
  };
}
async function digestModel(opts) {
  const hash = opts.hash ?? "sha256";
  const sigPath = opts.signature ?? await defaultSignaturePath(opts.model);
  const ignores = /* @__PURE__ */ new Set([...DEFAULT_IGNORES, ...(opts.ignorePaths ?? []).map(normaliseIgnorePath)]);
  const rel = path9.relative(path9.resolve(opts.model), path9.resolve(sigPath));
  if (rel && !rel.startsWith("..") && !path9.isAbsolute(rel)) ignores.add(rel.split(path9.sep).join("/"));
  const ignorePaths = [...ignores].filter((p2) => p2 !== "" && p2 !== ".");
  if (opts.shardSize !== void 0 && (!Number.isSafeInteger(opts.shardSize) || opts.shardSize <= 0)) {
    throw usage("BAD_SHARD_SIZE", "--shard-size must be a positive whole number of bytes");
  }
  const method = opts.shardSize ? "shards" : "files";
  const source = opts.listing ? void 0 : opts.source ?? await archiveSourceFor(opts.model);
  if (source && !ignorePaths.includes(EMBEDDED_SIGNATURE)) ignorePaths.push(EMBEDDED_SIGNATURE);
  const pre = source ? await source({ alg: hash, ranges: (_n2, size) => plannedRanges(method, opts.shardSize, size), allowSymlinks: opts.allowSymlinks ?? false, ignorePaths, ...opts.engine?.onProgress ? { onProgress: opts.engine.onProgress } : {} }) : void 0;
  const listing = opts.listing ?? pre?.listing ?? await enumerateModel(opts.model, { ignorePaths, allowSymlinks: opts.allowSymlinks ?? false });
  if (listing.problems.length > 0) {
    const p2 = listing.problems[0];
    const more = listing.problems.length > 1 ? ` (and ${listing.problems.length - 1} more)` : "";
    throw usage(p2.code, `${p2.path ?? opts.model}: ${p2.message}${more}`, p2.path);
  }
  await prepareAlgorithm(hash);
  const plans = planResources(listing.files, method, opts.shardSize);
  const resources = pre ? plans.map((p2) => {
    const o = lookupRange(pre.hashed, p2.file.name, p2.start, p2.end);
    if (!o.ok) throw usage(o.code, `${p2.file.name}: ${o.message}`, p2.file.name);
    return { name: p2.name, algorithm: hash, digest: o.digest };
  }) : await hashResources(plans, hash, opts.engine);
  const serialization = { method, hash_type: hash, allow_symlinks: opts.allowSymlinks ?? false };
  if (method === "shards") serialization.shard_size = opts.shardSize;
  serialization.ignore_paths = ignorePaths;
  return { listing, serialization, resources, rootDigest: rootDigest(resources) };
}
function defaultModelName(model) {
  const base = path9.basename(path9.resolve(model));
  return base.replace(/\.(tar\.gz|tgz|tar)$/i, "") || "model";
}
function checkVersion(version) {
  if (!import_semver4.default.valid(version)) throw usage("BAD_VERSION", `--version must be a semantic version like 1.2.0 (got "${version}")`);
}
async function signModel(opts) {
  checkVersion(opts.version);
  const signaturePath = opts.signature ?? await defaultSignaturePath(opts.model);
  const d = await digestModel({ ...opts, signature: signaturePath });
  const name = opts.name ?? defaultModelName(opts.model);
  const metadata = {
    name,
    version: import_semver4.default.clean(opts.version) ?? opts.version,
    ...opts.license ? { license: opts.license } : {},
    created: (/* @__PURE__ */ new Date()).toISOString(),
    tool: `modelsign/${TOOL_VERSION}`,
    ...opts.extraMetadata ?? {}
  };
  const statement = buildStatement({ name, rootDigest: d.rootDigest, serialization: d.serialization, resources: d.resources, metadata });
  const payload = Buffer.from(JSON.stringify(statement), "utf8");
  const bundle = await opts.signer(payload);
  const bundleText = serializeBundle(bundle);
  if (opts.write !== false) await writeAtomic(signaturePath, bundleText);
  return {
    signaturePath,
    rootDigest: d.rootDigest,
    statement,
    bundleText,
    files: d.listing.files.length,
    bytes: d.listing.files.reduce((s3, f2) => s3 + f2.size, 0)
  };
}
async function writeAtomic(file, data) {
  const tmp = path9.join(path9.dirname(file), `.${path9.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile2(tmp, data, { flag: "wx", mode: 420 });
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => void 0);
    throw usage("WRITE_FAILED", `cannot write ${file}: ${errnoCode(e) ?? String(e)}`);
  }
}
var import_semver4;
var init_sign = __esm({
  "src/sign/sign.ts"() {
    "use strict";
    import_semver4 = __toESM(require_semver2(), 1);
    init_errors();
    init_algorithms2();
    init_enumerate();
    init_paths();
    init_serialize();
    init_archive();
    init_source();
    init_algorithms();
    init_bundle();
    init_dsse();
    init_statement();
    init_pipeline();
    init_version();
  }
});

// src/lineage/store.ts
import { createHash as createHash4 } from "node:crypto";
import { lstat as lstat3, mkdir, opendir, stat as stat4 } from "node:fs/promises";
import path10 from "node:path";
function bundleDigestOf(bytes) {
  return `sha256:${createHash4("sha256").update(bytes).digest("hex")}`;
}
async function openStore(dir) {
  let st2;
  try {
    st2 = await stat4(dir);
  } catch (e) {
    throw usage("LINEAGE_STORE_UNREADABLE", `lineage store ${dir} not found (${errnoCode(e) ?? String(e)})`);
  }
  if (!st2.isDirectory()) throw usage("LINEAGE_STORE_UNREADABLE", `lineage store ${dir} is not a directory`);
  return new LineageStore(dir);
}
async function readStoreFile(file) {
  try {
    return await readRegularFile(file, MAX_BUNDLE_BYTES, { noFollow: true });
  } catch (e) {
    if (e instanceof NotRegularFile) return void 0;
    if (e instanceof FileTooLarge) throw reject("LINEAGE_MALFORMED", `${file} is larger than ${MAX_BUNDLE_BYTES} bytes`);
    const c = errnoCode(e);
    if (c === "ENOENT" || c === "ELOOP" || c === "EISDIR" || c === "ENXIO") return void 0;
    throw reject("LINEAGE_STORE_UNREADABLE", `cannot read ${file}: ${c ?? String(e)}`);
  }
}
function safeName(name) {
  const s3 = name.replace(/[^A-Za-z0-9._+-]+/g, "_").replace(/^[._]+/, "").slice(0, 100);
  return s3 || "model";
}
async function recordBundle(dir, meta, bytes) {
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    throw usage("WRITE_FAILED", `cannot create lineage store ${dir}: ${errnoCode(e) ?? String(e)}`);
  }
  const hex = bareHex(meta.rootDigest);
  const base = `${safeName(meta.name)}@${safeName(meta.version)}.${hex}`;
  const digest = bundleDigestOf(bytes);
  for (const name of [`${base}.sig`, `${base}.${digest.slice(7, 23)}.sig`]) {
    const file = path10.join(dir, name);
    let st2;
    try {
      st2 = await lstat3(file);
    } catch (e) {
      if (errnoCode(e) !== "ENOENT") throw usage("WRITE_FAILED", `cannot read ${file}: ${errnoCode(e) ?? String(e)}`);
    }
    if (st2) {
      if (!st2.isFile() || st2.size !== bytes.length) continue;
      const existing = await readStoreFile(file).catch(() => void 0);
      if (existing && existing.equals(bytes)) return { file, added: false };
      continue;
    }
    await writeAtomic(file, bytes);
    return { file, added: true };
  }
  throw usage("WRITE_FAILED", `lineage store ${dir} already holds different bundles named ${base}.*`);
}
var MAX_STORE_ENTRIES, MAX_CANDIDATES, MAX_STORE_READ_BYTES, ENTRY_RE, LineageStore;
var init_store = __esm({
  "src/lineage/store.ts"() {
    "use strict";
    init_errors();
    init_bundle();
    init_sign();
    init_metadata();
    init_read_file();
    MAX_STORE_ENTRIES = 1e5;
    MAX_CANDIDATES = 16;
    MAX_STORE_READ_BYTES = 256 * 1024 * 1024;
    ENTRY_RE = /(?:^|[^0-9a-f])([0-9a-f]{64})(?:\.[0-9a-f]{1,64})?\.sig$/;
    LineageStore = class {
      dir;
      index;
      bytesRead = 0;
      constructor(dir) {
        this.dir = dir;
      }
      /** Map root digest (hex) -> candidate file names, built once from the listing. */
      async buildIndex() {
        if (this.index) return this.index;
        const idx = /* @__PURE__ */ new Map();
        let d;
        try {
          d = await opendir(this.dir);
        } catch (e) {
          throw usage("LINEAGE_STORE_UNREADABLE", `lineage store ${this.dir} cannot be read: ${errnoCode(e) ?? String(e)}`);
        }
        let n = 0;
        try {
          for await (const ent of d) {
            if (++n > MAX_STORE_ENTRIES) throw reject("LINEAGE_STORE_TOO_LARGE", `lineage store ${this.dir} has more than ${MAX_STORE_ENTRIES} entries`);
            if (ent.isDirectory() || ent.isSymbolicLink() || ent.isFIFO() || ent.isSocket() || ent.isBlockDevice() || ent.isCharacterDevice()) continue;
            const m2 = ENTRY_RE.exec(ent.name);
            if (!m2) continue;
            const list = idx.get(m2[1]) ?? [];
            if (list.length < MAX_CANDIDATES) list.push(ent.name);
            idx.set(m2[1], list);
          }
        } finally {
          await d.close().catch(() => void 0);
        }
        for (const l of idx.values()) l.sort();
        this.index = idx;
        return idx;
      }
      /** Every bundle filed under this root digest (unverified bytes). */
      async find(rootDigest2) {
        const idx = await this.buildIndex();
        const names = idx.get(bareHex(rootDigest2)) ?? [];
        const out2 = [];
        for (const name of names) {
          const file = path10.join(this.dir, name);
          const bytes = await readStoreFile(file);
          if (!bytes) continue;
          this.bytesRead += bytes.length;
          if (this.bytesRead > MAX_STORE_READ_BYTES) throw reject("LINEAGE_STORE_TOO_LARGE", `lineage store ${this.dir}: more than ${MAX_STORE_READ_BYTES} bytes of bundles read in one walk`);
          out2.push({ file, bytes, bundleDigest: bundleDigestOf(bytes) });
        }
        return out2;
      }
    };
  }
});

// src/lineage/ancestor.ts
async function verifyLineageBundle(bytes, trust, what) {
  const step = async (problem, f2) => {
    try {
      return await f2();
    } catch (e) {
      if (e instanceof ModelsignError && e.kind === "reject") throw new BundleCheckError(problem, e);
      throw e;
    }
  };
  const bundle = await step("malformed", () => parseBundle(bytes));
  const signer = await step("untrusted", () => checkTrust(bundle, trust));
  return step("malformed", () => {
    const st2 = parseStatement(bundle.payload);
    if (st2.format !== "oms-v1.0" || st2.rootDigest === void 0) throw reject("LINEAGE_MALFORMED", `${what} is not an OMS v1.0 signature with a root digest`);
    if (rootDigest(st2.resources) !== st2.rootDigest) throw reject("ROOT_DIGEST_MISMATCH", `${what}: signed root digest does not match its signed resource list`);
    const meta = st2.metadata;
    const version = typeof meta?.version === "string" ? import_semver5.default.valid(meta.version) : null;
    if (version === null) {
      throw reject("LINEAGE_NO_VERSION", `${what} carries no modelsign semver version (made by another tool? check the model, then sign it with modelsign sign --version and link that signature)`);
    }
    return {
      name: meta?.name ?? st2.subjectName,
      version,
      license: typeof meta?.license === "string" ? meta.license : void 0,
      rootDigest: `sha256:${st2.rootDigest}`,
      bundleDigest: bundleDigestOf(bytes),
      signer,
      lineage: parseLineageMeta(meta?.lineage, what)
    };
  });
}
var import_semver5, BundleCheckError;
var init_ancestor = __esm({
  "src/lineage/ancestor.ts"() {
    "use strict";
    import_semver5 = __toESM(require_semver2(), 1);
    init_errors();
    init_serialize();
    init_bundle();
    init_statement();
    init_pipeline();
    init_store();
    init_metadata();
    BundleCheckError = class extends Error {
      constructor(problem, inner) {
        super(inner.message);
        this.problem = problem;
        this.inner = inner;
      }
    };
  }
});

// src/lineage/display.ts
var init_display = __esm({
  "src/lineage/display.ts"() {
    "use strict";
    init_one_line();
  }
});

// src/lineage/parents.ts
function resolveRelations(relations, parentCount) {
  for (const r of relations) {
    if (!isRelation(r)) throw usage("BAD_OPTION", `--relation must be one of ${RELATIONS.join(", ")} (got "${r}")`);
  }
  if (parentCount === 0) {
    if (relations.length > 0) throw usage("BAD_OPTION", "--relation needs --parent PARENT_SIG");
    return [];
  }
  if (relations.length === 0) return Array(parentCount).fill(parentCount === 1 ? "finetune" : "merge");
  if (relations.length === 1) return Array(parentCount).fill(relations[0]);
  if (relations.length !== parentCount) throw usage("BAD_OPTION", `give one --relation for all parents or one per --parent (${parentCount} parents, ${relations.length} relations)`);
  return relations;
}
async function loadParents(files, trust) {
  if (files.length > MAX_PARENTS) throw usage("BAD_OPTION", `at most ${MAX_PARENTS} --parent signatures`);
  const out2 = [];
  for (const file of files) {
    let bytes;
    try {
      bytes = await readBundleFile(file);
    } catch (e) {
      throw usage("PARENT_UNREADABLE", `--parent ${file}: ${e.message}`);
    }
    let verified;
    try {
      verified = await verifyLineageBundle(bytes, trust, "the signature");
    } catch (e) {
      if (e instanceof BundleCheckError && e.inner.code === "LINEAGE_NO_VERSION") {
        throw usage("PARENT_NO_VERSION", `parent ${file}: ${e.inner.message}`);
      }
      if (e instanceof BundleCheckError) {
        const what = e.problem === "untrusted" ? "is not signed by a trusted key (see --parent-key)" : "is not a usable modelsign signature";
        throw reject(e.problem === "untrusted" ? "PARENT_UNTRUSTED" : "PARENT_MALFORMED", `parent ${file} ${what}: ${e.inner.message} [${e.inner.code}]`);
      }
      throw e;
    }
    if (out2.some((p2) => p2.verified.rootDigest === verified.rootDigest)) throw usage("BAD_OPTION", `--parent ${file} is the same model as another --parent (${verified.rootDigest})`);
    out2.push({ file, bytes, verified });
  }
  return out2;
}
function buildLineageMeta(opts) {
  if (opts.parents.length === 0 && opts.datasets.length === 0) return void 0;
  const child = import_semver6.default.clean(opts.childVersion) ?? opts.childVersion;
  const parents = opts.parents.map((p2, i) => {
    const v2 = p2.verified;
    if (v2.name === opts.childName && import_semver6.default.valid(child) && !import_semver6.default.lt(v2.version, child)) {
      throw usage("LINEAGE_VERSION_ORDER", `parent ${p2.file} is ${clean3(`${v2.name}@${v2.version}`)}: a new version of ${clean3(opts.childName)} must be higher (got --version ${child})`);
    }
    return { name: v2.name, version: v2.version, rootDigest: v2.rootDigest, bundleDigest: v2.bundleDigest, relation: opts.relations[i] };
  });
  const meta = { parents };
  if (opts.datasets.length > 0) meta.datasets = opts.datasets;
  return meta;
}
var import_semver6;
var init_parents = __esm({
  "src/lineage/parents.ts"() {
    "use strict";
    import_semver6 = __toESM(require_semver2(), 1);
    init_errors();
    init_bundle();
    init_ancestor();
    init_metadata();
    init_errors();
    init_display();
  }
});

// src/lineage/walk.ts
function short2(d) {
  return `${d.slice(0, 19)}\u2026`;
}
async function walkLineage(opts) {
  const maxDepth = opts.maxDepth ?? DEFAULT_MAX_DEPTH2;
  const failures = [];
  const ancestors = [];
  const cache = /* @__PURE__ */ new Map();
  const verified = /* @__PURE__ */ new Map();
  let links = 0;
  let budgetReported = false;
  const root = opts.root;
  const tree = {
    name: root.name,
    version: root.version ?? null,
    license: root.license ?? null,
    rootDigest: root.rootDigest,
    bundleDigest: null,
    relation: null,
    signer: root.signer ?? null,
    depth: 0,
    childName: null,
    childVersion: null,
    verified: true,
    file: null,
    datasets: root.lineage?.datasets ?? [],
    failure: null,
    parents: []
  };
  const find = (rootDigest2) => {
    let p2 = cache.get(rootDigest2);
    if (!p2) {
      p2 = opts.store.find(rootDigest2).then((stored) => ({ stored }));
      cache.set(rootDigest2, p2);
    }
    return p2;
  };
  const visit = async (link, child, depth, onPath, below) => {
    const label2 = `lineage link ${clean3(`${child.name}@${child.version ?? "?"}`)} -> ${clean3(`${link.name}@${link.version}`)} (${short2(link.rootDigest)})`;
    const node = {
      name: link.name,
      version: link.version,
      license: null,
      rootDigest: link.rootDigest,
      bundleDigest: link.bundleDigest,
      relation: link.relation,
      signer: null,
      depth,
      childName: child.name,
      childVersion: child.version,
      verified: false,
      file: null,
      datasets: [],
      failure: null,
      parents: []
    };
    const fail = (code, msg) => {
      const f2 = { code, message: `${label2}: ${msg}` };
      node.failure = f2;
      failures.push(f2);
      return node;
    };
    const record = () => ancestors.push({
      name: node.name,
      version: node.version,
      license: node.license,
      rootDigest: node.rootDigest,
      relation: node.relation,
      signer: node.signer,
      depth: node.depth,
      childName: node.childName,
      childVersion: node.childVersion,
      bundleDigest: node.bundleDigest,
      verified: node.verified
    });
    if (depth > maxDepth) {
      fail("LINEAGE_TOO_DEEP", `ancestry is deeper than ${maxDepth} links`);
      record();
      return node;
    }
    if (onPath.has(link.rootDigest)) {
      fail("LINEAGE_CYCLE", "the ancestry loops back to a model already on this path");
      record();
      return node;
    }
    const floor = below.get(link.name);
    if (floor === null || floor !== void 0 && !import_semver7.default.lt(link.version, floor)) {
      const why = floor === null ? `a descendant named ${clean3(link.name)} has no version` : `an ancestor must have a lower version than ${clean3(`${link.name}@${floor}`)} built from it`;
      const f2 = { code: "LINEAGE_VERSION_ORDER", message: `${label2}: ${why}` };
      failures.push(f2);
      node.failure = f2;
    }
    let stored;
    try {
      ({ stored } = await find(link.rootDigest));
    } catch (e) {
      if (e instanceof ModelsignError && e.kind === "reject") {
        fail(e.code, e.message);
        record();
        return node;
      }
      throw e;
    }
    if (stored.length === 0) {
      fail("LINEAGE_MISSING", `no bundle with root digest ${link.rootDigest} in lineage store ${opts.store.dir}`);
      record();
      return node;
    }
    const chosen = stored.find((s3) => s3.bundleDigest === link.bundleDigest) ?? stored[0];
    node.file = chosen.file;
    let vb = verified.get(chosen.bundleDigest);
    if (!vb) {
      try {
        vb = await verifyLineageBundle(chosen.bytes, opts.trust, `ancestor ${chosen.file}`);
        verified.set(chosen.bundleDigest, vb);
      } catch (e) {
        if (e instanceof BundleCheckError) {
          const code = e.problem === "untrusted" ? "LINEAGE_UNTRUSTED" : "LINEAGE_MALFORMED";
          const what = e.problem === "untrusted" ? "ancestor signature is not trusted" : "ancestor bundle is broken";
          fail(code, `${what}: ${e.inner.message} [${e.inner.code}] (${chosen.file})`);
          record();
          return node;
        }
        if (e instanceof ModelsignError && e.kind === "reject") {
          fail("LINEAGE_MALFORMED", `${e.message} [${e.code}]`);
          record();
          return node;
        }
        throw e;
      }
    }
    node.signer = vb.signer.description;
    node.license = vb.license ?? null;
    if (chosen.bundleDigest !== link.bundleDigest) {
      fail("LINEAGE_BUNDLE_MISMATCH", `the store holds a different signature for these bytes (${chosen.file} is ${short2(chosen.bundleDigest)}, the child recorded ${short2(link.bundleDigest)})`);
      record();
      return node;
    }
    if (vb.rootDigest !== link.rootDigest || vb.name !== link.name || vb.version !== link.version) {
      fail("LINEAGE_LINK_MISMATCH", `the ancestor's signature says ${clean3(`${vb.name}@${vb.version}`)} (${short2(vb.rootDigest)}), not what the link records`);
      record();
      return node;
    }
    node.verified = node.failure === null;
    node.datasets = vb.lineage?.datasets ?? [];
    record();
    const path14 = new Set(onPath).add(link.rootDigest);
    const nextBelow = new Map(below);
    const prev = nextBelow.get(vb.name);
    if (prev === void 0 || prev !== null && import_semver7.default.lt(vb.version, prev)) nextBelow.set(vb.name, vb.version);
    for (const p2 of vb.lineage?.parents ?? []) {
      if (++links > MAX_LINKS) {
        if (!budgetReported) {
          budgetReported = true;
          failures.push({ code: "LINEAGE_TOO_LARGE", message: `lineage of ${clean3(root.name)}: more than ${MAX_LINKS} links; refusing to walk further` });
        }
        break;
      }
      node.parents.push(await visit(p2, node, depth + 1, path14, nextBelow));
    }
    return node;
  };
  for (const p2 of root.lineage?.parents ?? []) {
    if (++links > MAX_LINKS) break;
    tree.parents.push(await visit(p2, tree, 1, /* @__PURE__ */ new Set([root.rootDigest]), /* @__PURE__ */ new Map([[root.name, root.version ?? null]])));
  }
  return { tree, ancestors, failures };
}
var import_semver7, DEFAULT_MAX_DEPTH2, MAX_LINKS;
var init_walk = __esm({
  "src/lineage/walk.ts"() {
    "use strict";
    import_semver7 = __toESM(require_semver2(), 1);
    init_errors();
    init_ancestor();
    init_display();
    DEFAULT_MAX_DEPTH2 = 32;
    MAX_LINKS = 1024;
  }
});

// src/lineage/revoked.ts
function parseRevokedList(text, source = "revocation list") {
  const digests = /* @__PURE__ */ new Set();
  const reasons = /* @__PURE__ */ new Map();
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const hash = raw.indexOf("#");
    const body = (hash >= 0 ? raw.slice(0, hash) : raw).trim();
    const reason = hash >= 0 ? raw.slice(hash + 1).trim() : "";
    if (body === "") return;
    if (!/^sha256:[0-9a-fA-F]{64}$/.test(body)) {
      throw usage("BAD_REVOKED_LIST", `${source} line ${i + 1} is not sha256:<64 hex> (got "${body.slice(0, 80)}")`);
    }
    const d = body.toLowerCase();
    digests.add(d);
    if (reason && !reasons.has(d)) reasons.set(d, reason.slice(0, 200));
  });
  return { digests, reasons };
}
async function readRevokedFile(file) {
  let buf;
  try {
    buf = await readRegularFile(file, MAX_REVOKED_BYTES);
  } catch (e) {
    if (e instanceof FileTooLarge) throw usage("BAD_REVOKED_LIST", `revocation list ${file} is larger than ${MAX_REVOKED_BYTES} bytes`);
    const why = e instanceof NotRegularFile ? "not a regular file" : errnoCode(e) ?? String(e);
    throw usage("BAD_REVOKED_LIST", `cannot read revocation list ${file}: ${why}`);
  }
  return parseRevokedList(buf.toString("utf8"), `revocation list ${file}`);
}
function checkRevoked(digests, revoked) {
  const out2 = [];
  for (const d of digests) {
    const p2 = prefixed(d);
    if ((revoked.has(p2) || revoked.has(bareHex(p2))) && !out2.includes(p2)) out2.push(p2);
  }
  return out2;
}
var MAX_REVOKED_BYTES;
var init_revoked = __esm({
  "src/lineage/revoked.ts"() {
    "use strict";
    init_errors();
    init_metadata();
    init_read_file();
    MAX_REVOKED_BYTES = 16 * 1024 * 1024;
  }
});

// src/lineage/state.ts
var state_exports = {};
__export(state_exports, {
  MAX_STATE_BYTES: () => MAX_STATE_BYTES,
  STATE_SCHEMA: () => STATE_SCHEMA,
  checkRollback: () => checkRollback,
  parseState: () => parseState,
  readState: () => readState,
  recordVerified: () => recordVerified,
  serializeState: () => serializeState
});
import { open as open4, rename as rename2, stat as stat5, unlink as unlink2, writeFile as writeFile3 } from "node:fs/promises";
import path11 from "node:path";
function bad3(file, msg) {
  throw reject("STATE_CORRUPT", `state file ${file} is corrupt (${msg}); refusing to guess the highest version`);
}
function parseState(text, file) {
  const j2 = parseStrictJson(text, { what: `state file ${file}`, code: "STATE_CORRUPT" });
  if (!isObject(j2)) bad3(file, "not a JSON object");
  if (j2.schema !== STATE_SCHEMA) bad3(file, `schema is not ${STATE_SCHEMA}`);
  if (!isObject(j2.models)) bad3(file, "models must be an object");
  const out2 = /* @__PURE__ */ new Map();
  for (const [name, v2] of Object.entries(j2.models)) {
    if (!isObject(v2) || typeof v2.version !== "string" || !import_semver8.default.valid(v2.version)) bad3(file, `entry "${name.slice(0, 80)}" has no semver version`);
    const e = { version: v2.version };
    if (typeof v2.rootDigest === "string") e.rootDigest = v2.rootDigest;
    if (typeof v2.updated === "string") e.updated = v2.updated;
    out2.set(name, e);
  }
  return out2;
}
async function readState(file) {
  let buf;
  try {
    buf = await readRegularFile(file, MAX_STATE_BYTES);
  } catch (e) {
    if (errnoCode(e) === "ENOENT") return /* @__PURE__ */ new Map();
    if (e instanceof FileTooLarge) bad3(file, `larger than ${MAX_STATE_BYTES} bytes`);
    const why = e instanceof NotRegularFile ? "not a regular file" : errnoCode(e) ?? String(e);
    throw usage("STATE_UNREADABLE", `cannot read state file ${file}: ${why}`);
  }
  return parseState(buf.toString("utf8"), file);
}
function serializeState(state2) {
  const models = /* @__PURE__ */ Object.create(null);
  for (const name of [...state2.keys()].sort()) models[name] = state2.get(name);
  return JSON.stringify({ schema: STATE_SCHEMA, models }, null, 2) + "\n";
}
function checkRollback(state2, name, version, file) {
  const seen = state2.get(name);
  if (seen && import_semver8.default.lt(version, seen.version)) {
    return { code: "VERSION_ROLLBACK", message: `${clean3(`${name}@${version}`)} is older than ${clean3(`${name}@${seen.version}`)}, already verified (state file ${file}): rollback refused` };
  }
  return void 0;
}
async function acquireLock(lock, timeoutMs, staleMs) {
  const deadline = Date.now() + timeoutMs;
  for (; ; ) {
    try {
      const fh = await open4(lock, "wx", 420);
      await fh.writeFile(`${process.pid}
`);
      await fh.close();
      return;
    } catch (e) {
      const c = errnoCode(e);
      if (c !== "EEXIST") throw usage("STATE_UNREADABLE", `cannot create lock file ${lock}: ${c ?? String(e)}`);
    }
    try {
      const st2 = await stat5(lock);
      if (Date.now() - st2.mtimeMs > staleMs) {
        const aside = `${lock}.${process.pid}.${Date.now()}.stale`;
        await rename2(lock, aside).then(() => unlink2(aside)).catch(() => void 0);
        continue;
      }
    } catch {
      continue;
    }
    if (Date.now() > deadline) throw usage("STATE_LOCKED", `state file lock ${lock} is held by another verifier for more than ${timeoutMs / 1e3}s (remove it if no verifier is running)`);
    await sleep(LOCK_RETRY_MS + Math.floor(Math.random() * LOCK_RETRY_MS));
  }
}
async function recordVerified(file, entry, opts = {}) {
  const lock = `${file}.lock`;
  await acquireLock(lock, opts.lockTimeoutMs ?? LOCK_TIMEOUT_MS, opts.staleLockMs ?? STALE_LOCK_MS);
  try {
    const state2 = await readState(file);
    const failure = checkRollback(state2, entry.name, entry.version, file);
    if (failure) return failure;
    const seen = state2.get(entry.name);
    if (seen && import_semver8.default.eq(seen.version, entry.version) && seen.rootDigest === entry.rootDigest) return void 0;
    state2.set(entry.name, { version: entry.version, ...entry.rootDigest ? { rootDigest: entry.rootDigest } : {}, updated: (/* @__PURE__ */ new Date()).toISOString() });
    const tmp = path11.join(path11.dirname(file), `.${path11.basename(file)}.${process.pid}.${Date.now()}.tmp`);
    try {
      await writeFile3(tmp, serializeState(state2), { flag: "wx", mode: 420 });
      await rename2(tmp, file);
    } catch (e) {
      await unlink2(tmp).catch(() => void 0);
      throw usage("STATE_WRITE_FAILED", `cannot write state file ${file}: ${errnoCode(e) ?? String(e)}`);
    }
    return void 0;
  } finally {
    await unlink2(lock).catch(() => void 0);
  }
}
var import_semver8, STATE_SCHEMA, MAX_STATE_BYTES, LOCK_RETRY_MS, LOCK_TIMEOUT_MS, STALE_LOCK_MS, sleep;
var init_state = __esm({
  "src/lineage/state.ts"() {
    "use strict";
    import_semver8 = __toESM(require_semver2(), 1);
    init_errors();
    init_strict_json();
    init_display();
    init_read_file();
    STATE_SCHEMA = "modelsign/state/v1";
    MAX_STATE_BYTES = 4 * 1024 * 1024;
    LOCK_RETRY_MS = 20;
    LOCK_TIMEOUT_MS = 1e4;
    STALE_LOCK_MS = 3e4;
    sleep = (ms2) => new Promise((r) => setTimeout(r, ms2));
  }
});

// src/lineage/tree.ts
function describe3(n) {
  const id2 = clean3(`${n.name}@${n.version ?? "?"}`);
  const parts = [n.relation ? `${n.relation} of ${id2}` : id2, n.rootDigest, `signer: ${clean3(n.signer ?? "unknown")}`, `license: ${clean3(n.license ?? "none")}`];
  parts.push(n.verified ? "verified" : `NOT VERIFIED${n.failure ? ` [${n.failure.code}]` : ""}`);
  return parts.join("  ");
}
function renderTree(root) {
  const lines = [describe3(root)];
  const walk = (n, prefix) => {
    n.parents.forEach((p2, i) => {
      const last = i === n.parents.length - 1;
      lines.push(`${prefix}${last ? "\u2514\u2500 " : "\u251C\u2500 "}${describe3(p2)}`);
      walk(p2, `${prefix}${last ? "   " : "\u2502  "}`);
    });
  };
  walk(root, "");
  return lines.join("\n");
}
var init_tree = __esm({
  "src/lineage/tree.ts"() {
    "use strict";
    init_display();
  }
});

// src/lineage/stage.ts
function lineageStage(o) {
  return async (ctx) => {
    const failures = [];
    const meta = ctx.result.metadata;
    const name = meta?.name ?? ctx.statement.subjectName;
    const version = typeof meta?.version === "string" && import_semver9.default.valid(meta.version) ? meta.version : void 0;
    const rootDigest2 = `sha256:${ctx.result.rootDigest}`;
    const id2 = clean3(`${name}@${version ?? "?"}`);
    if (o.minVersion !== void 0 || o.stateFile !== void 0) {
      if (version === void 0) {
        failures.push({ code: "NO_VERSION", message: `${clean3(name)} carries no semver version, so it cannot be checked against ${o.minVersion !== void 0 ? "--min-version" : "--state"}` });
      } else {
        if (o.minVersion !== void 0 && import_semver9.default.lt(version, o.minVersion)) {
          failures.push({ code: "VERSION_BELOW_MINIMUM", message: `${id2} is below the minimum version ${o.minVersion}: rollback refused` });
        }
        if (o.stateFile !== void 0) {
          try {
            const f2 = checkRollback(await readState(o.stateFile), name, version, o.stateFile);
            if (f2) failures.push(f2);
          } catch (e) {
            if (e instanceof ModelsignError && e.kind === "reject") failures.push(toFailure(e));
            else throw e;
          }
        }
      }
    }
    let lineage;
    try {
      lineage = parseLineageMeta(meta?.lineage, `signature of ${id2}`);
    } catch (e) {
      if (e instanceof ModelsignError && e.kind === "reject") failures.push(toFailure(e));
      else throw e;
    }
    let ancestors;
    if (o.store) {
      const w2 = await walkLineage({
        root: { name, version, license: meta?.license, rootDigest: rootDigest2, signer: ctx.result.signer, lineage },
        store: o.store,
        trust: ctx.options.trust,
        ...o.maxDepth !== void 0 ? { maxDepth: o.maxDepth } : {}
      });
      failures.push(...w2.failures);
      ancestors = w2.ancestors;
      ctx.result.extra.lineage = { ancestors: w2.ancestors, ...lineage?.datasets ? { datasets: lineage.datasets } : {} };
    }
    if (o.revoked) {
      const reason = (d) => {
        const r = o.revoked.reasons.get(d);
        return r ? `: ${clean3(r)}` : "";
      };
      if (checkRevoked([rootDigest2], o.revoked.digests).length > 0) {
        failures.push({ code: "REVOKED", message: `${id2} (${rootDigest2}) is revoked${reason(rootDigest2)}` });
      }
      const known = ancestors ?? (lineage?.parents ?? []).map((p2) => ({ ...p2, childName: name, childVersion: version ?? null }));
      const reported = /* @__PURE__ */ new Set();
      for (const a of known) {
        if (reported.has(a.rootDigest) || checkRevoked([a.rootDigest], o.revoked.digests).length === 0) continue;
        reported.add(a.rootDigest);
        failures.push({ code: "REVOKED", message: `lineage link ${clean3(`${a.childName}@${a.childVersion ?? "?"}`)} -> ${clean3(`${a.name}@${a.version ?? "?"}`)}: ancestor ${a.rootDigest} is revoked${reason(a.rootDigest)}` });
      }
    }
    return failures;
  };
}
var import_semver9;
var init_stage3 = __esm({
  "src/lineage/stage.ts"() {
    "use strict";
    import_semver9 = __toESM(require_semver2(), 1);
    init_errors();
    init_metadata();
    init_revoked();
    init_state();
    init_walk();
    init_display();
  }
});

// src/lineage/index.ts
var lineage_exports = {};
__export(lineage_exports, {
  DEFAULT_MAX_DEPTH: () => DEFAULT_MAX_DEPTH2,
  LineageStore: () => LineageStore,
  RELATIONS: () => RELATIONS,
  buildLineageMeta: () => buildLineageMeta,
  bundleDigestOf: () => bundleDigestOf,
  checkRevoked: () => checkRevoked,
  checkRollback: () => checkRollback,
  lineageStage: () => lineageStage,
  loadParents: () => loadParents,
  openStore: () => openStore,
  parseDatasetFlag: () => parseDatasetFlag,
  parseLineageMeta: () => parseLineageMeta,
  parseRevokedList: () => parseRevokedList,
  readRevokedFile: () => readRevokedFile,
  readState: () => readState,
  recordBundle: () => recordBundle,
  recordVerified: () => recordVerified,
  renderTree: () => renderTree,
  resolveRelations: () => resolveRelations,
  verifyLineageBundle: () => verifyLineageBundle,
  walkLineage: () => walkLineage
});
var init_lineage = __esm({
  "src/lineage/index.ts"() {
    "use strict";
    init_metadata();
    init_store();
    init_ancestor();
    init_parents();
    init_walk();
    init_revoked();
    init_state();
    init_tree();
    init_stage3();
  }
});

// src/scan/scan-path.ts
import { lstat as lstat4 } from "node:fs/promises";
import path12 from "node:path";
function summarise(target, files, extra, failOn = "low") {
  const findings = [...extra, ...files.flatMap((f2) => f2.findings)].sort((a, b2) => severityRank(b2.severity) - severityRank(a.severity));
  const clean5 = !findings.some((f2) => severityRank(f2.severity) >= severityRank(failOn));
  return { path: target, clean: clean5, filesScanned: files.length, files, findings };
}
async function scanPath(target, opts = {}) {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  let st2;
  try {
    st2 = await lstat4(target);
  } catch (e) {
    throw usage("SCAN_NOT_FOUND", errnoCode(e) === "ENOENT" ? `no such file or directory: ${target}` : `cannot read ${target}: ${errnoCode(e) ?? String(e)}`);
  }
  if (st2.isFile() && isTarName(target)) {
    const r = await scanTar(target, limits);
    return summarise(target, r.reports, r.findings, opts.failOn);
  }
  if (st2.isFile()) return summarise(target, [await scanFile(target, path12.basename(target), limits)], [], opts.failOn);
  if (!st2.isDirectory() && !st2.isSymbolicLink()) throw usage("SPECIAL_FILE", `not a file, directory or archive: ${target}`);
  const listing = await enumerateModel(target, { ignorePaths: [], allowSymlinks: false, maxFiles: limits.maxFiles });
  if (listing.isFile) {
    const f2 = listing.files[0];
    return summarise(target, [await scanFile(f2.abs, f2.name, limits)], [], opts.failOn);
  }
  const extra = listing.problems.map((p2) => ({ code: "SCAN_SKIPPED", severity: "medium", file: p2.path ?? ".", message: `not scanned: ${p2.message} [${p2.code}]` }));
  const files = [];
  for (const f2 of listing.files) {
    try {
      files.push(await scanFile(f2.abs, f2.name, limits));
    } catch (e) {
      const code = errnoCode(e);
      if (code === void 0) throw e;
      extra.push({ code: "SCAN_SKIPPED", severity: "medium", file: f2.name, message: `not scanned: cannot read it (${code})` });
    }
  }
  return summarise(target, files, extra, opts.failOn);
}
var init_scan_path = __esm({
  "src/scan/scan-path.ts"() {
    "use strict";
    init_errors();
    init_enumerate();
    init_scan_file();
    init_tar();
    init_types();
  }
});

// src/index.ts
var index_exports = {};
__export(index_exports, {
  BUNDLE_MEDIA_TYPE: () => BUNDLE_MEDIA_TYPE,
  DENIABLE_FORMATS: () => DENIABLE_FORMATS,
  EXIT: () => EXIT,
  LineageStore: () => LineageStore,
  ModelsignError: () => ModelsignError,
  OMS_PREDICATE_TYPE: () => OMS_PREDICATE_TYPE,
  RELATIONS: () => RELATIONS,
  SIGNING_KEY_TYPES: () => SIGNING_KEY_TYPES,
  TOOL_VERSION: () => TOOL_VERSION,
  archiveSourceFor: () => archiveSourceFor,
  buildBundle: () => buildBundle,
  buildStatement: () => buildStatement,
  checkRevoked: () => checkRevoked,
  checkTrust: () => checkTrust,
  defaultModelName: () => defaultModelName,
  defaultSignaturePath: () => defaultSignaturePath,
  digest: () => digestModel,
  enumerateModel: () => enumerateModel,
  evaluateLicense: () => evaluateLicense,
  formatsStage: () => formatsStage,
  generateKeyPair: () => generateKeyPair,
  isArchivePath: () => isArchivePath,
  keyHint: () => keyHint,
  keySigner: () => keySigner,
  keyTrust: () => keyTrust,
  keyTypeOf: () => keyTypeOf,
  lineageStage: () => lineageStage,
  loadPolicy: () => loadPolicy,
  loadPrivateKey: () => loadPrivateKey,
  loadPublicKey: () => loadPublicKey,
  normalizeLicense: () => normalizeLicense,
  openStore: () => openStore,
  pae: () => pae,
  parseBundle: () => parseBundle,
  parseLineageMeta: () => parseLineageMeta,
  parsePolicyText: () => parsePolicyText,
  parsePublicKey: () => parsePublicKey,
  parseRevokedList: () => parseRevokedList,
  parseStatement: () => parseStatement,
  policyStage: () => policyStage,
  policyTrust: () => policyTrust,
  publicKeyPem: () => publicKeyPem,
  readBundleFile: () => readBundleFile,
  readRevokedFile: () => readRevokedFile,
  readState: () => readState,
  recordVerified: () => recordVerified,
  rootDigest: () => rootDigest,
  scanArchive: () => scanArchive,
  scanPath: () => scanPath,
  sign: () => sign,
  signBytes: () => signBytes,
  signModel: () => signModel,
  validatePolicy: () => validatePolicy,
  verify: () => verifyModel,
  verifyBytes: () => verifyBytes,
  verifyWithKeys: () => verifyWithKeys,
  walkLineage: () => walkLineage,
  writeKeyPair: () => writeKeyPair
});
import { createPublicKey as createPublicKey2 } from "node:crypto";
async function sign(opts) {
  checkVersion(opts.version);
  const key = typeof opts.key === "string" ? await loadPrivateKey(opts.key) : opts.key;
  return signModel({ ...opts, signer: keySigner(key, createPublicKey2(key)) });
}
async function verifyWithKeys(opts) {
  const trust = await Promise.all(opts.keys.map(async (k2) => keyTrust(await loadPublicKey(k2), `key ${k2}`)));
  return verifyModel({ ...opts, trust });
}
var init_index = __esm({
  "src/index.ts"() {
    "use strict";
    init_errors();
    init_sign();
    init_pipeline();
    init_trust_key();
    init_keyfile();
    init_algorithms();
    init_bundle();
    init_statement();
    init_dsse();
    init_serialize();
    init_enumerate();
    init_version();
    init_keyfile();
    init_sign();
    init_trust_key();
    init_pipeline();
    init_load();
    init_stage2();
    init_trust();
    init_licenses();
    init_scan_path();
    init_stage();
    init_lineage();
    init_archive();
  }
});

// src/cli/common.ts
function addIgnoreOption(cmd) {
  return cmd.option("--ignore-paths <path>", "leave this path (relative to the model) out; repeatable", collect, []);
}
function addEngineOptions(cmd) {
  return cmd.option("--jobs <n>", "hashing threads (default: one per core)", parsePositiveInt("--jobs"));
}
function addSerializationOptions(cmd) {
  return cmd.addOption(new Option("--hash <alg>", "hash algorithm for file digests").choices(["sha256", "blake2b", "blake3"]).default("sha256")).option("--shard-size <bytes>", 'hash files in shards of this many bytes (OMS "shards" method; parallel on one big file)', parsePositiveInt("--shard-size")).option("--allow-symlinks", "follow symlinks that stay inside the model");
}
var init_common = __esm({
  "src/cli/common.ts"() {
    "use strict";
    init_esm();
    init_io();
  }
});

// src/cli/progress.ts
function fmtBytes(n) {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let i = 0;
  let v2 = n;
  while (v2 >= 1024 && i < units.length - 1) {
    v2 /= 1024;
    i++;
  }
  return `${v2.toFixed(i === 0 ? 0 : 1)} ${units[i]}`;
}
function createProgress(label2, total, opts = {}) {
  const noop = { update() {
  }, finish() {
  } };
  if (state.quiet || total < 64 * 1024 * 1024) return noop;
  const tty = process.stderr.isTTY === true;
  const interval = opts.intervalMs ?? (tty ? 200 : 5e3);
  const t0 = Date.now();
  let last = 0;
  let drawn = false;
  const line = (done) => {
    const secs = Math.max(1e-3, (Date.now() - t0) / 1e3);
    const rate = done / secs;
    const eta = rate > 0 ? Math.max(0, (total - done) / rate) : 0;
    const pct = total > 0 ? Math.min(100, done / total * 100) : 100;
    if (tty) {
      const width = 24;
      const fill = Math.round(pct / 100 * width);
      return `${label2} [${"#".repeat(fill)}${".".repeat(width - fill)}] ${pct.toFixed(0)}% ${fmtBytes(done)}/${fmtBytes(total)} ${fmtBytes(rate)}/s ETA ${eta.toFixed(0)}s`;
    }
    return `${label2}: ${pct.toFixed(0)}% ${fmtBytes(done)} of ${fmtBytes(total)} at ${fmtBytes(rate)}/s, ETA ${eta.toFixed(0)}s`;
  };
  return {
    update(done) {
      const now = Date.now();
      if (now - last < interval) return;
      last = now;
      drawn = true;
      process.stderr.write(tty ? `\r\x1B[2K${line(done)}` : `${line(done)}
`);
    },
    finish() {
      if (drawn && tty) process.stderr.write("\r\x1B[2K");
    }
  };
}
function engineFlags(o, label2, onCreate) {
  let p2;
  return {
    ...o.jobs ? { jobs: o.jobs } : {},
    onProgress: (done, total) => {
      if (!p2) {
        p2 = createProgress(label2, total);
        onCreate(p2);
      }
      p2.update(done);
    }
  };
}
var init_progress = __esm({
  "src/cli/progress.ts"() {
    "use strict";
    init_io();
  }
});

// src/cli/sign-lineage.ts
function addLineageSignOptions(cmd) {
  cmd.option("--parent <sig>", "parent model's signature; verified, then linked (repeatable for merges)", collect, []).option("--relation <rel>", "finetune | quantized | merge | adapter | distill (one for all parents, or one per --parent; default finetune, merge for several)", collect, []).option("--dataset <uri[=sha256:digest]>", "training data used (repeatable)", collect, []).option("--parent-key <pub>", "public key trusted for --parent signatures (repeatable; default: the signing key's own public key)", collect, []).option("--record [dir]", `also file the new bundle (and its parents') in a lineage store (default: ./${DEFAULT_STORE})`);
}
async function prepareLineage(model, o) {
  const parents = o.parent ?? [];
  const datasetsRaw = o.dataset ?? [];
  const { parseDatasetFlag: parseDatasetFlag2, resolveRelations: resolveRelations2, loadParents: loadParents2, buildLineageMeta: buildLineageMeta2, recordBundle: recordBundle2 } = await Promise.resolve().then(() => (init_lineage(), lineage_exports));
  const relations = resolveRelations2(o.relation ?? [], parents.length);
  const datasets = datasetsRaw.map(parseDatasetFlag2);
  if (parents.length === 0 && (o.parentKey ?? []).length > 0) throw usage("BAD_OPTION", "--parent-key needs --parent PARENT_SIG");
  let key;
  let loaded2 = [];
  if (parents.length > 0) {
    const { loadPublicKey: loadPublicKey2, loadPrivateKey: loadPrivateKey2 } = await Promise.resolve().then(() => (init_keyfile(), keyfile_exports));
    const { keyTrust: keyTrust2 } = await Promise.resolve().then(() => (init_trust_key(), trust_key_exports));
    let trust;
    if ((o.parentKey ?? []).length > 0) {
      trust = await Promise.all(o.parentKey.map(async (k2) => keyTrust2(await loadPublicKey2(k2), `key ${k2}`)));
    } else {
      if (!o.key) throw usage("MISSING_OPTION", "--parent needs --parent-key PUB when signing without --key");
      const { createPublicKey: createPublicKey3 } = await import("node:crypto");
      key = await loadPrivateKey2(o.key);
      trust = [keyTrust2(createPublicKey3(key), `signing key ${o.key}`)];
    }
    loaded2 = await loadParents2(parents, trust);
  }
  const { defaultModelName: defaultModelName2 } = await Promise.resolve().then(() => (init_sign(), sign_exports));
  const childName = o.name ?? defaultModelName2(model);
  const meta = buildLineageMeta2({ parents: loaded2, relations, datasets, childName, childVersion: o.version ?? "" });
  const storeDir = o.record === void 0 || o.record === false ? void 0 : o.record === true ? DEFAULT_STORE : o.record;
  return {
    extraMetadata: meta ? { lineage: meta } : void 0,
    key,
    write: loaded2.length === 0,
    async record(r) {
      if (loaded2.length > 0) {
        const self = loaded2.find((p2) => p2.verified.rootDigest === `sha256:${r.rootDigest}`);
        if (self) throw usage("LINEAGE_CYCLE", `--parent ${self.file} has the same root digest as the model (sha256:${r.rootDigest}): a model cannot be its own parent; nothing was written`);
        const { writeAtomic: writeAtomic2 } = await Promise.resolve().then(() => (init_sign(), sign_exports));
        await writeAtomic2(r.signaturePath, r.bundleText);
      }
      if (storeDir === void 0) return;
      const m2 = r.statement.subject[0].annotations?.modelsign;
      for (const p2 of loaded2) {
        const w3 = await recordBundle2(storeDir, p2.verified, p2.bytes);
        if (w3.added) info(`recorded parent ${p2.verified.name}@${p2.verified.version} in ${w3.file}`);
      }
      const w2 = await recordBundle2(storeDir, { name: m2?.name ?? childName, version: m2?.version ?? o.version ?? "0.0.0", rootDigest: r.rootDigest }, Buffer.from(r.bundleText, "utf8"));
      info(`recorded ${w2.file}`);
    }
  };
}
var DEFAULT_STORE;
var init_sign_lineage = __esm({
  "src/cli/sign-lineage.ts"() {
    "use strict";
    init_errors();
    init_io();
    DEFAULT_STORE = "manifests";
  }
});

// src/cli/sign.ts
var sign_exports2 = {};
__export(sign_exports2, {
  register: () => register
});
function register(program2) {
  const cmd = program2.command("sign").description("hash a model and write a signed OMS v1.0 manifest (Sigstore bundle)").argument("<model>", "model directory, single file or .tar/.tar.gz/.tgz archive").option("--key <file>", "private key (modelsign/cosign encrypted PEM, or plain PKCS#8/SEC1 PEM)").option("--version <semver>", "model version, e.g. 1.2.0 (required)").option("--name <name>", "model name (default: the directory or file name)").option("--license <id>", "license: a Hugging Face license id or SPDX expression").option("--signature <file>", "where to write the signature (default: MODEL/model.sig, or MODEL.sig for a file)").option("--json", "print the result as JSON");
  addIgnoreOption(cmd);
  addSerializationOptions(cmd);
  addEngineOptions(cmd);
  addLineageSignOptions(cmd);
  cmd.addHelpText(
    "after",
    `
Examples:
  MODELSIGN_PASSPHRASE=... modelsign sign ./llama-ft --key keys/release.key --version 1.0.0 --license apache-2.0
  modelsign sign model.safetensors --key ci.key --version 2.1.0 --signature out/model.sig
  modelsign sign ./big-model --key release.key --version 3.0.0 --shard-size 1073741824

  modelsign sign ./llama-ft --key release.key --version 1.1.0 --parent ./llama/model.sig --record=manifests
  modelsign sign ./merged --key release.key --version 1.0.0 --parent a/model.sig --parent b/model.sig --relation merge

Exit codes: 0 signed, 1 a --parent signature is not trusted or broken, 2 usage error (bad flag,
unreadable key, wrong passphrase, symlink or special file in the model, a parent with the same
name and a version not lower than --version).`
  ).action(
    run(async (model, o) => {
      if (!o.key) throw usage("MISSING_OPTION", "sign needs --key PRIVATE_KEY");
      if (!o.version) throw usage("MISSING_OPTION", "sign needs --version SEMVER (e.g. --version 1.0.0)");
      const lineage = await prepareLineage(model, o);
      const { sign: sign2 } = await Promise.resolve().then(() => (init_index(), index_exports));
      let progress;
      const r = await sign2({
        model,
        key: lineage.key ?? o.key,
        ...lineage.extraMetadata ? { extraMetadata: lineage.extraMetadata } : {},
        write: lineage.write,
        version: o.version,
        ...o.name ? { name: o.name } : {},
        ...o.license ? { license: o.license } : {},
        ...o.signature ? { signature: o.signature } : {},
        ignorePaths: o.ignorePaths ?? [],
        allowSymlinks: o.allowSymlinks ?? false,
        hash: o.hash ?? "sha256",
        ...o.shardSize ? { shardSize: o.shardSize } : {},
        engine: engineFlags(o, "hashing", (p2) => progress = p2)
      });
      progress?.finish();
      await lineage.record(r);
      const meta = r.statement.subject[0].annotations?.modelsign;
      if (o.json) {
        printJson({ signature: r.signaturePath, rootDigest: `sha256:${r.rootDigest}`, name: meta?.name, version: meta?.version, license: meta?.license, files: r.files, bytes: r.bytes });
      } else {
        out(`signed ${meta?.name}@${meta?.version} (${r.files} files, ${r.bytes} bytes)
  root digest: sha256:${r.rootDigest}
  signature:   ${r.signaturePath}`);
      }
    })
  );
}
var init_sign2 = __esm({
  "src/cli/sign.ts"() {
    "use strict";
    init_errors();
    init_common();
    init_io();
    init_progress();
    init_sign_lineage();
  }
});

// src/action/run.ts
init_esm();
init_errors();
init_io();
import { mkdtempSync, rmSync, writeFileSync as writeFileSync2 } from "node:fs";
import os4 from "node:os";
import path13 from "node:path";

// src/cli/verify-key.ts
init_io();
var keyPlugin = {
  name: "key",
  addOptions(cmd) {
    cmd.option("--key <file>", "trusted public key (PEM); repeatable, any one suffices", collect, []);
  },
  async trust(flags) {
    const keys = flags.key ?? [];
    if (keys.length === 0) return [];
    const { loadPublicKey: loadPublicKey2 } = await Promise.resolve().then(() => (init_keyfile(), keyfile_exports));
    const { keyTrust: keyTrust2 } = await Promise.resolve().then(() => (init_trust_key(), trust_key_exports));
    return Promise.all(keys.map(async (k2) => keyTrust2(await loadPublicKey2(k2), `key ${k2}`)));
  }
};

// src/cli/verify-policy.ts
init_esm();
init_errors();
import path6 from "node:path";
var CLI_TRUST_FLAGS = ["key", "certificateChain", "identity", "identityRegexp", "identityRegExp", "certificateIdentity", "certificateIdentityRegexp"];
var loaded = /* @__PURE__ */ new WeakMap();
function cliTrustGiven(flags) {
  return CLI_TRUST_FLAGS.some((f2) => {
    const v2 = flags[f2];
    return Array.isArray(v2) ? v2.length > 0 : v2 !== void 0 && v2 !== false && v2 !== "";
  });
}
var policyPlugin = {
  name: "policy",
  addOptions(cmd) {
    cmd.option("--policy <file>", "verification policy (YAML or JSON): who is trusted, which licenses may be used, revocations; see docs/policy.md");
    cmd.addOption(new Option("--purpose <purpose>", "what the model will be used for, checked against the policy (default: deploy)").choices(["deploy", "retrain"]));
    cmd.addHelpText(
      "after",
      `
Policy (exit 1 when it refuses the model: license, revoked, minimum version, formats):
  modelsign verify ./llama-ft --policy policy.yaml --purpose retrain --lineage manifests
  modelsign policy check policy.yaml                 # validate the policy file first`
    );
  },
  async prepare(flags) {
    if (flags.policy === void 0) {
      if (flags.purpose !== void 0) throw usage("MISSING_OPTION", "--purpose needs --policy FILE");
      return;
    }
    const { loadPolicy: loadPolicy2 } = await Promise.resolve().then(() => (init_load(), load_exports));
    loaded.set(flags, await loadPolicy2(flags.policy));
  },
  async trust(flags) {
    const policy = loaded.get(flags);
    if (!policy?.trust || cliTrustGiven(flags)) return [];
    const { policyTrust: policyTrust2 } = await Promise.resolve().then(() => (init_trust(), trust_exports));
    return policyTrust2(policy.trust, (f2) => path6.relative(path6.dirname(policy.file), f2));
  },
  async stages(flags) {
    const policy = loaded.get(flags);
    if (!policy) return [];
    const { policyStage: policyStage2 } = await Promise.resolve().then(() => (init_stage2(), stage_exports));
    const { formatsStages: formatsStages2 } = await Promise.resolve().then(() => (init_formats(), formats_exports));
    return [policyStage2(policy, flags.purpose ?? "deploy"), ...formatsStages2(policy.formats)];
  }
};

// src/cli/verify-lineage.ts
init_errors();
var lineagePlugin = {
  name: "lineage",
  addOptions(cmd) {
    cmd.option("--lineage <dir>", "lineage store: verify every ancestor (same trust as the model) and the links between them").option("--min-version <semver>", "refuse the model if its version is lower than this").option("--state <file>", "anti-rollback state: refuse a version lower than the highest verified before; record this one").option("--revoked <file>", "revocation list (sha256:<root digest> per line, # comments): refuse the model or any ancestor listed").addHelpText(
      "after",
      `
Lineage and anti-rollback (exit 1 on a broken link, a rollback or a revoked digest):
  modelsign verify ./llama-ft --key release.pub --lineage manifests --state /var/lib/modelsign/state.json --revoked revoked.txt
  modelsign verify ./llama-ft --key release.pub --min-version 1.2.0`
    );
  },
  async stages(flags) {
    const f2 = flags;
    if (f2.lineage === void 0 && f2.minVersion === void 0 && f2.state === void 0 && f2.revoked === void 0) return [];
    const semver10 = (await Promise.resolve().then(() => __toESM(require_semver2(), 1))).default;
    let minVersion;
    if (f2.minVersion !== void 0) {
      minVersion = semver10.valid(f2.minVersion) ?? void 0;
      if (!minVersion) throw usage("BAD_OPTION", `--min-version must be a semantic version like 1.2.0 (got "${f2.minVersion}")`);
    }
    const { lineageStage: lineageStage2, openStore: openStore2, readRevokedFile: readRevokedFile2 } = await Promise.resolve().then(() => (init_lineage(), lineage_exports));
    const store = f2.lineage !== void 0 ? await openStore2(f2.lineage) : void 0;
    const revoked = f2.revoked !== void 0 ? await readRevokedFile2(f2.revoked) : void 0;
    return [
      lineageStage2({
        ...store ? { store } : {},
        ...minVersion ? { minVersion } : {},
        ...f2.state !== void 0 ? { stateFile: f2.state } : {},
        ...revoked ? { revoked } : {}
      })
    ];
  },
  async after(flags, result) {
    const f2 = flags;
    const lineage = result.metadata?.lineage;
    if (f2.lineage === void 0 && lineage && typeof lineage === "object" && !Array.isArray(lineage) && Array.isArray(lineage.parents) && lineage.parents.length > 0) {
      const { info: info2 } = await Promise.resolve().then(() => (init_io(), io_exports));
      info2(`note: this model links ${lineage.parents.length} parent model(s); pass --lineage DIR to verify its ancestry`);
    }
    if (f2.state === void 0 || !result.verified) return;
    const name = result.metadata?.name ?? result.subjectName;
    const version = result.metadata?.version;
    if (name === void 0 || version === void 0) return;
    const { recordVerified: recordVerified2 } = await Promise.resolve().then(() => (init_state(), state_exports));
    const failure = await recordVerified2(f2.state, { name, version, ...result.rootDigest ? { rootDigest: `sha256:${result.rootDigest}` } : {} });
    if (failure) {
      result.failures.push(failure);
      result.verified = false;
    }
  }
};

// src/cli/verify-env.ts
init_errors();
init_io();
var ENV_PREFIX = "MODELSIGN_";
var NOT_FROM_ENV = /* @__PURE__ */ new Set(["--help", "--version"]);
var NON_FLAG_VARIABLES = /* @__PURE__ */ new Set(["MODELSIGN_MODEL", "MODELSIGN_PASSPHRASE"]);
var SERVICE_LINK = /^MODELSIGN_(?:SERVICE_HOST|SERVICE_PORT(?:_[A-Z0-9_]+)?|PORT(?:_\d+_(?:TCP|UDP|SCTP)(?:_(?:PROTO|PORT|ADDR))?)?)$/;
var verifyCommand;
function envName(long) {
  return ENV_PREFIX + long.replace(/^--/, "").replace(/-/g, "_").toUpperCase();
}
function parseSwitch(name, raw) {
  const v2 = raw.trim().toLowerCase();
  if (["1", "true", "yes", "on"].includes(v2)) return true;
  if (["0", "false", "no", "off"].includes(v2)) return false;
  throw usage("BAD_ENV", `${name} must be true or false (got "${raw}")`);
}
function parseValue(opt, name, raw) {
  const repeatable = Array.isArray(opt.defaultValue) || opt.variadic;
  const values = repeatable ? raw.split(/[\n,]/).map((s3) => s3.trim()).filter((s3) => s3 !== "") : [raw];
  let acc = repeatable ? [] : void 0;
  for (const v2 of values) {
    try {
      if (opt.parseArg) acc = opt.parseArg(v2, acc);
      else acc = repeatable ? [...acc, v2] : v2;
    } catch (e) {
      if (e instanceof ModelsignError) throw usage(e.code, `${name}: ${e.message}`);
      throw usage("BAD_ENV", `${name}: ${e.message}`);
    }
  }
  return acc;
}
function applyEnv(cmd, flags, env = process.env) {
  const used = [];
  let firstError;
  for (const opt of cmd.options) {
    if (!opt.long || NOT_FROM_ENV.has(opt.long) || opt.negate) continue;
    const name = envName(opt.long);
    const raw = env[name];
    if (raw === void 0 || raw === "") continue;
    const key = opt.attributeName();
    if (cmd.getOptionValueSource(key) === "cli") continue;
    try {
      flags[key] = opt.required || opt.optional ? parseValue(opt, name, raw) : parseSwitch(name, raw);
      used.push(name);
    } catch (e) {
      firstError ??= e;
    }
  }
  if (flags.model === void 0 && env[`${ENV_PREFIX}MODEL`]) {
    flags.model = env[`${ENV_PREFIX}MODEL`];
    used.push(`${ENV_PREFIX}MODEL`);
  }
  if (firstError !== void 0) throw firstError;
  const known = /* @__PURE__ */ new Set([...NON_FLAG_VARIABLES, ...cmd.options.filter((o) => o.long).map((o) => envName(o.long))]);
  for (const name of Object.keys(env).sort()) {
    if (name.startsWith(ENV_PREFIX) && !known.has(name) && !SERVICE_LINK.test(name) && env[name] !== "") {
      throw usage("UNKNOWN_ENV", `${name} is set, but verify has no --${name.slice(ENV_PREFIX.length).toLowerCase().replace(/_/g, "-")} option in this build`);
    }
  }
  return used;
}
var envPlugin = {
  name: "env",
  addOptions(cmd) {
    verifyCommand = cmd;
    cmd.addHelpText(
      "after",
      `
Environment: every option can be set as MODELSIGN_<OPTION> (--identity-provider ->
MODELSIGN_IDENTITY_PROVIDER, switches as true/false, repeatable options comma- or
newline-separated) and the model as MODELSIGN_MODEL; the command line wins.
  MODELSIGN_MODEL=/models/llm MODELSIGN_KEY=/etc/modelsign/release.pub modelsign verify`
    );
  },
  prepare(flags) {
    if (!verifyCommand) return;
    applyEnv(verifyCommand, flags);
    if (flags.debug === true) state.debug = true;
    if (flags.quiet === true) state.quiet = true;
  }
};

// src/cli/verify-pod.ts
init_esm();
init_errors();
init_io();
import { existsSync as existsSync2, writeFileSync } from "node:fs";
var DEFAULT_TERMINATION_LOG = "/dev/termination-log";
var MAX_REASON_BYTES = 4096;
var MAX_REASON_LINES = 5;
function emit(level, event, fields = {}) {
  process.stderr.write(`${JSON.stringify({ time: (/* @__PURE__ */ new Date()).toISOString(), level, event, ...fields })}
`);
}
function jsonSink() {
  return {
    error(msg) {
      const m2 = /^(refused|error|internal error): (.*?)(?: \[([A-Za-z0-9_.-]+)\])?$/s.exec(msg);
      if (m2) emit("error", m2[1] === "refused" ? "refused" : "error", { message: m2[2], ...m2[3] ? { code: m2[3] } : {} });
      else emit("error", "error", { message: msg });
    },
    info(msg) {
      emit("info", "message", { message: msg });
    },
    out(text) {
      emit("info", "report", { message: text.replace(/\n$/, "") });
    },
    json(v2) {
      process.stdout.write(`${JSON.stringify(v2)}
`);
    }
  };
}
function terminationLogPath(flags) {
  const p2 = flags.terminationLog;
  if (p2) return p2;
  return existsSync2(DEFAULT_TERMINATION_LOG) ? DEFAULT_TERMINATION_LOG : void 0;
}
function clip(text, max) {
  const b2 = Buffer.from(text, "utf8");
  if (b2.length <= max) return text;
  return b2.subarray(0, max - 3).toString("utf8").replace(/\uFFFD+$/, "") + "...";
}
function failureReason(r) {
  const id2 = r.metadata ? `${r.metadata.name}${r.metadata.version ? `@${r.metadata.version}` : ""} (${r.model})` : r.model;
  const n = r.failures.length;
  const lines = [`modelsign: ${id2} must not be used: ${n} failure${n === 1 ? "" : "s"}`];
  for (const f2 of r.failures.slice(0, MAX_REASON_LINES)) lines.push(`${f2.code}${f2.path !== void 0 ? ` ${f2.path}` : ""}: ${f2.message}`);
  if (n > MAX_REASON_LINES) lines.push(`... and ${n - MAX_REASON_LINES} more`);
  return clip(lines.join("\n") + "\n", MAX_REASON_BYTES);
}
function errorReason(e) {
  if (e instanceof ModelsignError) {
    return clip(`modelsign: ${e.kind === "usage" ? "error" : "refused"}: ${e.message} [${e.code}] (exit ${e.exitCode})
`, MAX_REASON_BYTES);
  }
  return clip(`modelsign: internal error: ${e?.message ?? String(e)}
`, MAX_REASON_BYTES);
}
function writeReason(flags, reason) {
  const file = terminationLogPath(flags);
  if (!file) return;
  try {
    writeFileSync(file, reason);
  } catch (e) {
    const msg = `cannot write termination log ${file}: ${e.code ?? String(e)}`;
    if (output.sink) emit("error", "error", { message: msg });
    else process.stderr.write(`modelsign: warning: ${msg}
`);
  }
}
var podPlugin = {
  name: "pod",
  addOptions(cmd) {
    cmd.option("--termination-log <path>", `on failure write a short reason here (default: ${DEFAULT_TERMINATION_LOG} when it exists)`);
    cmd.addOption(new Option("--log-format <format>", "stderr format: text, or json (one JSON object per line and event)").choices(["text", "json"]).default("text"));
  },
  prepare(flags) {
    if (flags.logFormat === "json") {
      output.sink = jsonSink();
      state.quiet = true;
    }
  },
  options(_flags, opts) {
    if (output.sink) emit("info", "verify.start", { model: opts.model, ...opts.signature ? { signature: opts.signature } : {} });
  },
  after(flags, r) {
    if (flags.logFormat === "json") {
      for (const f2 of r.failures) emit("error", "verify.failure", { code: f2.code, ...f2.path !== void 0 ? { path: f2.path } : {}, message: f2.message });
      emit(r.verified ? "info" : "error", "verify.result", {
        verified: r.verified,
        model: r.model,
        signature: r.signature,
        rootDigest: r.rootDigest ? `sha256:${r.rootDigest}` : null,
        name: r.metadata?.name ?? r.subjectName ?? null,
        version: r.metadata?.version ?? null,
        signer: r.signer ?? null,
        filesChecked: r.filesChecked,
        bytesHashed: r.bytesHashed,
        failures: r.failures.length
      });
    }
    if (!r.verified) writeReason(flags, failureReason(r));
  },
  onError(flags, e) {
    if (flags.logFormat === "json" && !output.sink) output.sink = jsonSink();
    writeReason(flags, errorReason(e));
  }
};

// src/cli/verify-plugins.ts
var verifyPlugins = [
  // envPlugin stays FIRST: its `prepare` fills flags from MODELSIGN_* before any other plugin reads them.
  envPlugin,
  keyPlugin,
  // lineage records the ancestors (extra.lineage) that the policy stage then judges.
  lineagePlugin,
  policyPlugin,
  // pod stays LAST: its after-hook reports the final verdict (lineage's after-hook can still
  // turn a pass into a rollback failure when it records the state file under its lock).
  podPlugin
];

// src/action/runner.ts
init_errors();
import { randomUUID } from "node:crypto";
import { appendFileSync } from "node:fs";
var Runner = class {
  constructor(env = process.env) {
    this.env = env;
  }
  /** INPUT_<NAME>: spaces become "_", upper-cased, hyphens kept (as the runner sets them). */
  input(name) {
    return (this.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
  }
  /** YAML 1.2 core-schema booleans, as actions/toolkit accepts them. */
  booleanInput(name) {
    const v2 = this.input(name);
    if (v2 === "" || ["false", "False", "FALSE"].includes(v2)) return false;
    if (["true", "True", "TRUE"].includes(v2)) return true;
    throw usage("BAD_INPUT", `input "${name}" must be true or false (got "${v2}")`);
  }
  /** One value per line (blank lines dropped). */
  listInput(name) {
    return this.input(name).split(/\r?\n/).map((s3) => s3.trim()).filter((s3) => s3 !== "");
  }
  setOutput(name, value) {
    const file = this.env.GITHUB_OUTPUT;
    if (!file) {
      this.log(`output ${name}=${value}`);
      return;
    }
    const delim = `ghadelimiter_${randomUUID()}`;
    appendFileSync(file, `${name}<<${delim}
${value}
${delim}
`);
  }
  summary(markdown) {
    const file = this.env.GITHUB_STEP_SUMMARY;
    if (file) appendFileSync(file, markdown.endsWith("\n") ? markdown : `${markdown}
`);
  }
  /** Ask the runner to hide a secret in every later log line (each line of it). */
  mask(secret) {
    if (!secret) return;
    for (const line of secret.split(/\r?\n/)) if (line.trim() !== "") this.command("add-mask", line);
  }
  error(message) {
    this.command("error", message, { title: "modelsign" });
  }
  warning(message) {
    this.command("warning", message, { title: "modelsign" });
  }
  log(message) {
    process.stdout.write(`${message}
`);
  }
  command(cmd, message, props = {}) {
    const p2 = Object.entries(props).map(([k2, v2]) => `${k2}=${escapeProperty(v2)}`).join(",");
    process.stdout.write(`::${cmd}${p2 ? ` ${p2}` : ""}::${escapeData(message)}
`);
  }
};
function escapeData(s3) {
  return s3.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s3) {
  return escapeData(s3).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function cell(v2) {
  if (v2 === void 0 || v2 === null || v2 === "") return "-";
  return String(v2).replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}
function table(headers, rows) {
  return [`| ${headers.join(" | ")} |`, `| ${headers.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`)].join("\n");
}

// src/action/run.ts
var NOT_IN_ACTION = /* @__PURE__ */ new Set(["env", "pod"]);
var INPUT_FOR = {
  name: "sign",
  version: "sign",
  license: "sign",
  parent: "sign",
  identity: "verify",
  "identity-provider": "verify",
  policy: "verify",
  purpose: "verify"
};
var INPUT_OF_FLAG = {
  "--key": "key",
  "--signature": "signature",
  "--policy": "policy",
  "--purpose": "purpose",
  "--lineage": "lineage",
  "--record": "lineage",
  "--identity": "identity",
  "--identity-provider": "identity-provider",
  "--keyless": "keyless",
  "--parent": "parent",
  "--name": "name",
  "--version": "version",
  "--license": "license"
};
function keyPaths(r, cleanup, secret) {
  const raw = r.input("key");
  if (!raw.includes("-----BEGIN")) return r.listInput("key");
  if (secret) r.mask(raw);
  const dir = mkdtempSync(path13.join(process.env.RUNNER_TEMP || os4.tmpdir(), "modelsign-key-"));
  cleanup.dirs.push(dir);
  const file = path13.join(dir, secret ? "signing.key" : "trusted.pub");
  writeFileSync2(file, raw.endsWith("\n") ? raw : `${raw}
`, { mode: 384 });
  return [file];
}
function unsupported2(e, command) {
  const m2 = /unknown option '([^']+)'/.exec(e.message);
  if (m2) {
    const input = INPUT_OF_FLAG[m2[1]] ?? m2[1];
    return usage("UNSUPPORTED_INPUT", `input "${input}" needs \`modelsign ${command} ${m2[1]}\`, which this modelsign build does not have`);
  }
  return usage("BAD_INPUT", e.message.replace(/^error: /, ""));
}
function flagArgs(pairs) {
  const argv = [];
  for (const [flag, v2] of pairs) {
    if (v2 === false || v2 === "" || Array.isArray(v2) && v2.length === 0) continue;
    if (v2 === true) argv.push(flag);
    else for (const x of Array.isArray(v2) ? v2 : [v2]) argv.push(flag, x);
  }
  return argv;
}
function verifyFlags(argv, plugins) {
  const cmd = new Command("verify").exitOverride().configureOutput({ writeOut: () => void 0, writeErr: () => void 0 }).option("--signature <file>");
  for (const p2 of plugins) p2.addOptions?.(cmd);
  try {
    cmd.parse(argv, { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) throw unsupported2(e, "verify");
    throw e;
  }
  return cmd.opts();
}
async function verifyStep(r, cleanup, model) {
  const identity = r.input("identity");
  if (r.booleanInput("keyless") && !identity) {
    throw usage("MISSING_INPUT", `verify with keyless: true needs the signer's identity (input "identity", and "identity-provider")`);
  }
  const argv = flagArgs([
    ["--signature", r.input("signature")],
    ["--key", r.input("key") ? keyPaths(r, cleanup, false) : []],
    ["--identity", identity],
    ["--identity-provider", r.input("identity-provider")],
    ["--policy", r.input("policy")],
    ["--purpose", r.input("purpose")],
    ["--lineage", r.input("lineage")]
  ]);
  const plugins = verifyPlugins.filter((p2) => !NOT_IN_ACTION.has(p2.name));
  const flags = verifyFlags(argv, plugins);
  for (const p2 of plugins) await p2.prepare?.(flags);
  const trust = (await Promise.all(plugins.map((p2) => p2.trust?.(flags) ?? Promise.resolve([])))).flat();
  if (trust.length === 0) throw usage("MISSING_INPUT", 'verify needs something to trust: input "key" (public key path or PEM), "identity", or a "policy"');
  const stages = (await Promise.all(plugins.map((p2) => p2.stages?.(flags) ?? Promise.resolve([])))).flat();
  const { verify } = await Promise.resolve().then(() => (init_index(), index_exports));
  const opts = {
    model,
    trust,
    stages,
    ...flags.signature ? { signature: flags.signature } : {}
  };
  for (const p2 of plugins) await p2.options?.(flags, opts);
  const res = await verify(opts);
  for (const p2 of plugins) await p2.after?.(flags, res);
  r.setOutput("verified", String(res.verified));
  r.setOutput("root-digest", res.rootDigest ? `sha256:${res.rootDigest}` : "");
  r.setOutput("signature", res.signature);
  r.summary(verifySummary(res));
  if (res.verified) {
    r.log(`modelsign: verified ${label(res)} (${res.filesChecked} files), root digest sha256:${res.rootDigest}, signer ${res.signer}`);
    return 0;
  }
  for (const f2 of res.failures.slice(0, 10)) r.error(`${f2.path !== void 0 ? `${f2.path}: ` : ""}${f2.message} [${f2.code}]`);
  if (res.failures.length > 10) r.error(`... and ${res.failures.length - 10} more failures (see the job summary)`);
  r.log(`modelsign: ${label(res)} must not be used (${res.failures.length} failure${res.failures.length === 1 ? "" : "s"})`);
  return 1;
}
function label(res) {
  return res.metadata ? `${res.metadata.name}${res.metadata.version ? `@${res.metadata.version}` : ""}` : res.subjectName ?? res.model;
}
function verifySummary(res) {
  const head = res.verified ? `### \u2705 modelsign verify: ${label(res)} verified` : `### \u274C modelsign verify: ${label(res)} must not be used`;
  const rows = [
    ["Model", `\`${res.model}\``],
    ["Name", res.metadata?.name ?? res.subjectName],
    ["Version", res.metadata?.version],
    ["License", res.metadata?.license],
    ["Root digest", res.rootDigest ? `\`sha256:${res.rootDigest}\`` : void 0],
    ["Signer", res.signer],
    ["Signature", `\`${res.signature}\``],
    ["Files checked", `${res.filesChecked} (${res.bytesHashed} bytes)`],
    ["Result", res.verified ? "verified" : `${res.failures.length} failure${res.failures.length === 1 ? "" : "s"}`]
  ];
  let md = `${head}

${table(["Field", "Value"], rows)}
`;
  if (res.failures.length > 0) {
    md += `
#### Failures

${table(["Code", "Path", "Message"], res.failures.map((f2) => [`\`${f2.code}\``, f2.path, f2.message]))}
`;
  }
  return md;
}
async function signViaCommand(model, argv) {
  const { register: register2 } = await Promise.resolve().then(() => (init_sign2(), sign_exports2));
  const program2 = new Command().exitOverride().enablePositionalOptions();
  const quiet = { writeOut: () => void 0, writeErr: () => void 0 };
  program2.configureOutput(quiet);
  register2(program2);
  for (const c of program2.commands) c.exitOverride().configureOutput(quiet);
  let result;
  const errors = [];
  const saved = output.sink;
  output.sink = {
    error: (m2) => void errors.push(m2),
    info: (m2) => process.stdout.write(`${m2}
`),
    out: (t) => process.stdout.write(t.endsWith("\n") ? t : `${t}
`),
    json: (v2) => void (result = v2)
  };
  const before = process.exitCode;
  try {
    await program2.parseAsync(["sign", model, ...argv, "--json"], { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) throw unsupported2(e, "sign");
    throw e;
  } finally {
    output.sink = saved;
  }
  const code = process.exitCode;
  process.exitCode = before;
  if (typeof code === "number" && code !== 0) {
    const m2 = /^(?:error|refused|internal error): (.*?)(?: \[([A-Za-z0-9_.-]+)\])?$/s.exec(errors[0] ?? "");
    throw new ModelsignError(m2?.[2] ?? "SIGN_FAILED", m2?.[1] ?? errors[0] ?? "sign failed", { kind: code === 1 ? "reject" : "usage" });
  }
  if (!result) throw new Error("sign produced no result");
  return { ...result, rootDigest: result.rootDigest.replace(/^sha256:/, "") };
}
async function signStep(r, cleanup, model) {
  const version = r.input("version");
  if (!version) throw usage("MISSING_INPUT", 'sign needs input "version" (a semantic version such as 1.2.0)');
  const keyless = r.booleanInput("keyless");
  const parents = r.listInput("parent");
  const lineage = r.input("lineage");
  const keyInput = r.input("key");
  if (!keyless && !keyInput) throw usage("MISSING_INPUT", 'sign needs input "key" (a private key path or PEM) or keyless: true');
  if (keyless && keyInput) throw usage("BAD_INPUT", 'give either input "key" or keyless: true, not both');
  const key = keyInput ? keyPaths(r, cleanup, true) : [];
  if (key.length > 1) throw usage("BAD_INPUT", "sign takes one private key");
  const common = { signature: r.input("signature"), name: r.input("name"), license: r.input("license") };
  let s3;
  if (keyless || parents.length > 0 || lineage) {
    s3 = await signViaCommand(
      model,
      flagArgs([
        ["--key", key],
        ["--keyless", keyless],
        ["--version", version],
        ["--name", common.name],
        ["--license", common.license],
        ["--signature", common.signature],
        ["--parent", parents],
        ["--record", lineage]
      ])
    );
  } else {
    const { sign: sign2 } = await Promise.resolve().then(() => (init_index(), index_exports));
    const res = await sign2({
      model,
      key: key[0],
      version,
      ...common.name ? { name: common.name } : {},
      ...common.license ? { license: common.license } : {},
      ...common.signature ? { signature: common.signature } : {}
    });
    const meta = res.statement.subject[0].annotations?.modelsign;
    const hint = JSON.parse(res.bundleText).verificationMaterial?.publicKey?.hint;
    s3 = {
      signature: res.signaturePath,
      rootDigest: res.rootDigest,
      ...meta?.name ? { name: meta.name } : {},
      ...meta?.version ? { version: meta.version } : {},
      ...meta?.license ? { license: meta.license } : {},
      files: res.files,
      bytes: res.bytes,
      ...hint ? { signer: `key ${hint}` } : {}
    };
  }
  r.setOutput("root-digest", `sha256:${s3.rootDigest}`);
  r.setOutput("signature", s3.signature);
  r.summary(
    `### \u270D\uFE0F modelsign sign: ${s3.name ?? model}${s3.version ? `@${s3.version}` : ""} signed

${table(
      ["Field", "Value"],
      [
        ["Model", `\`${model}\``],
        ["Name", s3.name],
        ["Version", s3.version],
        ["License", s3.license],
        ["Root digest", `\`sha256:${s3.rootDigest}\``],
        ["Signer", s3.signer ?? (keyless ? "Sigstore keyless (this workflow's identity)" : void 0)],
        ["Signature", `\`${s3.signature}\``],
        ["Files", s3.files === void 0 ? void 0 : `${s3.files} (${s3.bytes ?? 0} bytes)`]
      ]
    )}
`
  );
  r.log(`modelsign: signed ${s3.name ?? model}${s3.version ? `@${s3.version}` : ""}: root digest sha256:${s3.rootDigest}, signature ${s3.signature}`);
  return 0;
}
async function runAction(env = process.env) {
  const r = new Runner(env);
  r.mask(env.MODELSIGN_PASSPHRASE);
  r.mask(env.COSIGN_PASSWORD);
  const cleanup = { dirs: [] };
  const command = r.input("command");
  try {
    const model = r.input("model");
    if (command !== "sign" && command !== "verify") throw usage("BAD_INPUT", `input "command" must be sign or verify (got "${command}")`);
    if (!model) throw usage("MISSING_INPUT", 'input "model" is required (a model directory, file or .tar/.tar.gz archive)');
    for (const [name, forCommand] of Object.entries(INPUT_FOR)) {
      if (forCommand !== command && r.input(name) !== "") throw usage("BAD_INPUT", `input "${name}" is for command ${forCommand}; ${command} does not use it`);
    }
    return command === "sign" ? await signStep(r, cleanup, model) : await verifyStep(r, cleanup, model);
  } catch (e) {
    const err = e instanceof ModelsignError ? e : void 0;
    const msg = err ? `${err.message} [${err.code}]` : `internal error: ${e?.message ?? String(e)}`;
    if (command === "verify") r.setOutput("verified", "false");
    r.error(msg);
    r.summary(`### \u274C modelsign ${command || "(no command)"} failed

${table(["Code", "Message"], [[err ? `\`${err.code}\`` : "INTERNAL", err ? err.message : msg]])}
`);
    return err ? err.exitCode : 3;
  } finally {
    for (const d of cleanup.dirs) rmSync(d, { recursive: true, force: true });
  }
}

// src/action/main.ts
process.exitCode = await runAction();

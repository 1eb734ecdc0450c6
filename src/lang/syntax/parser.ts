/**
 * The Precept parser: one Chevrotain CstParser instance, built once. The grammar it implements is
 * grammar/formula.ebnf (rule names match). It parses one declaration at a time (see
 * statements.ts); semantics live in cst-to-ast.ts, not here.
 */
import { CstParser, EOF, EarlyExitException, NoViableAltException } from "chevrotain";
import type { CstNode, IRecognitionException, IToken } from "chevrotain";
import * as T from "./tokens";

/** Chevrotain's own error recorder, which the overrides below call. */
interface ErrorHooks {
  SAVE_ERROR(error: IRecognitionException): IRecognitionException;
}

class PreceptParser extends CstParser {
  constructor() {
    super([...T.allTokens], {
      recoveryEnabled: true,
      maxLookahead: 4,
      nodeLocationTracking: "onlyOffset",
    });
    this.performSelfAnalysis();
  }

  // Chevrotain builds its own message for these two errors from every lookahead path of the
  // failing rule, which took about a second for a formula cut off after `if` (and made a few
  // characters of token soup a hang). `parse.ts` describes errors from the rule stack and never
  // reads that message, so these overrides skip the paths. The methods are Chevrotain's error
  // hooks (traits/error_handler), absent from its public types.
  raiseNoAltException(_occurrence: number, _errorMessageTypes: string | undefined): never {
    throw this.saveError(new NoViableAltException("no viable alternative", this.LA(1), this.LA(0)));
  }

  raiseEarlyExitException(
    _occurrence: number,
    _kind: unknown,
    _message: string | undefined,
  ): never {
    throw this.saveError(new EarlyExitException("expected at least one", this.LA(1), this.LA(0)));
  }

  private saveError(error: IRecognitionException): IRecognitionException {
    return (this as unknown as ErrorHooks).SAVE_ERROR(error);
  }

  readonly declaration = this.RULE("declaration", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Section) },
      { ALT: () => this.SUBRULE(this.modelDecl) },
      { ALT: () => this.SUBRULE(this.periodsDecl) },
      { ALT: () => this.SUBRULE(this.dimensionDecl) },
      { ALT: () => this.SUBRULE(this.inputDecl) },
      { ALT: () => this.SUBRULE(this.scenarioDecl) },
      { ALT: () => this.SUBRULE(this.checkDecl) },
      { ALT: () => this.SUBRULE(this.functionDecl) },
      { ALT: () => this.SUBRULE(this.calcDecl) },
    ]);
  });

  readonly modelDecl = this.RULE("modelDecl", () => {
    this.CONSUME(T.Model);
    this.CONSUME(T.StringTok);
    this.SUBRULE(this.clauses);
  });

  readonly periodsDecl = this.RULE("periodsDecl", () => {
    this.CONSUME(T.Periods);
    this.CONSUME(T.PeriodTok);
    this.CONSUME(T.Range);
    this.CONSUME2(T.PeriodTok);
    this.SUBRULE(this.clauses);
  });

  readonly dimensionDecl = this.RULE("dimensionDecl", () => {
    this.CONSUME(T.Dimension);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Equals);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.memberDecl) });
    this.SUBRULE(this.clauses);
  });

  readonly memberDecl = this.RULE("memberDecl", () => {
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.CONSUME(T.StringTok));
  });

  readonly itemHead = this.RULE("itemHead", () => {
    this.CONSUME(T.Identifier);
    this.OPTION(() => {
      this.CONSUME(T.By);
      this.CONSUME2(T.Identifier);
      // `by a, b` is read so that it can be refused clearly (P1021): one dimension per line.
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.CONSUME3(T.Identifier);
      });
    });
    this.OPTION2(() => this.SUBRULE(this.unitDecl));
  });

  readonly unitDecl = this.RULE("unitDecl", () => {
    this.CONSUME(T.LParen);
    this.SUBRULE(this.unitAtom);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.Star) },
        { ALT: () => this.CONSUME(T.Slash) },
        { ALT: () => this.CONSUME(T.Per) },
      ]);
      this.SUBRULE2(this.unitAtom);
    });
    this.CONSUME(T.RParen);
  });

  readonly unitAtom = this.RULE("unitAtom", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.PoundUnit) },
      { ALT: () => this.CONSUME(T.PercentSign) },
      { ALT: () => this.CONSUME(T.Identifier) },
    ]);
  });

  readonly inputDecl = this.RULE("inputDecl", () => {
    this.CONSUME(T.Input);
    this.SUBRULE(this.itemHead);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.inputValue);
    this.SUBRULE(this.clauses);
  });

  readonly inputValue = this.RULE("inputValue", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.table) },
      { ALT: () => this.AT_LEAST_ONE(() => this.SUBRULE(this.rule)) },
      { ALT: () => this.SUBRULE(this.expression) },
    ]);
  });

  readonly table = this.RULE("table", () => {
    this.CONSUME(T.Table);
    this.OR([
      { ALT: () => this.AT_LEAST_ONE(() => this.CONSUME(T.PeriodTok)) },
      // `table value`: one value per member, the same in every period; other names make a
      // record table, each column with its own unit if written: `principal (£m)`.
      { ALT: () => this.AT_LEAST_ONE2(() => this.SUBRULE(this.recordColumn)) },
    ]);
    this.MANY({
      // Chevrotain's loop lookahead does not see what may follow the table (inside a scenario,
      // `name =` on the next line), so check that a row really comes next.
      GATE: () => this.rowAhead(),
      DEF: () => {
        this.OPTION(() => this.CONSUME(T.Newline));
        this.SUBRULE(this.tableRow);
      },
    });
  });

  readonly recordColumn = this.RULE("recordColumn", () => {
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.SUBRULE(this.unitDecl));
  });

  /** True when the next tokens (after an optional line end) start a table row. */
  private rowAhead(): boolean {
    let k = this.LA(1).tokenType === T.Newline ? 2 : 1;
    if (this.LA(k).tokenType === T.Identifier) k++;
    const type = this.LA(k).tokenType;
    // A member then text that is not a value (`b  n/a  4`): still a row (badCell).
    if (k > 1 && this.LA(k - 1).tokenType === T.Identifier && type === T.Identifier) return true;
    return (
      type === T.NumberTok ||
      type === T.Money ||
      type === T.Percent ||
      type === T.DateTok ||
      type === T.OtherDate ||
      type === T.SignAfterPound ||
      type === T.StringTok ||
      type === T.Minus ||
      type === T.LParen ||
      type === T.Blank
    );
  }

  readonly tableRow = this.RULE("tableRow", () => {
    this.OPTION(() => this.CONSUME(T.Identifier));
    this.AT_LEAST_ONE(() => this.SUBRULE(this.cell));
  });

  readonly cell = this.RULE("cell", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.SUBRULE(this.signedNumber);
          this.CONSUME(T.RParen);
        },
      },
      { ALT: () => this.SUBRULE2(this.signedNumber) },
      // `blank`: intentionally no value in this cell.
      { ALT: () => this.CONSUME(T.Blank) },
      // Text: a counterparty type, a repayment method.
      { ALT: () => this.CONSUME(T.StringTok) },
      { ALT: () => this.SUBRULE(this.badCell) },
    ]);
  });

  /**
   * Text that is not a value (`n/a`, `tbc`), read as one cell so that the row and the rows below
   * it stay in the table; the AST reports it (P1003) instead of a cascade of missing rows.
   */
  readonly badCell = this.RULE("badCell", () => {
    this.AT_LEAST_ONE(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.Identifier) },
        { ALT: () => this.CONSUME(T.Slash) },
        { ALT: () => this.CONSUME(T.Star) },
        { ALT: () => this.CONSUME(T.Plus) },
        { ALT: () => this.CONSUME(T.PercentSign) },
        { ALT: () => this.CONSUME(T.PoundUnit) },
      ]);
    });
  });

  readonly signedNumber = this.RULE("signedNumber", () => {
    this.OPTION(() => this.CONSUME(T.Minus));
    this.OR([
      { ALT: () => this.CONSUME(T.NumberTok) },
      { ALT: () => this.CONSUME(T.Money) },
      { ALT: () => this.CONSUME(T.Percent) },
      { ALT: () => this.CONSUME(T.DateTok) },
      { ALT: () => this.CONSUME(T.OtherDate) },
      { ALT: () => this.CONSUME(T.SignAfterPound) },
    ]);
  });

  readonly rule = this.RULE("rule", () => {
    this.CONSUME(T.Pipe);
    this.SUBRULE(this.periodRange);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.expression);
  });

  readonly periodRange = this.RULE("periodRange", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.PeriodTok);
          this.OPTION(() => {
            this.CONSUME(T.Range);
            this.OPTION2(() => this.CONSUME2(T.PeriodTok));
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME2(T.Range);
          this.CONSUME3(T.PeriodTok);
        },
      },
    ]);
  });

  readonly calcDecl = this.RULE("calcDecl", () => {
    this.SUBRULE(this.itemHead);
    this.CONSUME(T.Equals);
    this.OR([
      { ALT: () => this.AT_LEAST_ONE(() => this.SUBRULE(this.rule)) },
      { ALT: () => this.SUBRULE(this.expression) },
    ]);
    this.SUBRULE(this.clauses);
  });

  readonly scenarioDecl = this.RULE("scenarioDecl", () => {
    this.CONSUME(T.Scenario);
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.CONSUME(T.StringTok));
    this.CONSUME(T.LBrace);
    this.MANY_SEP({ SEP: T.Newline, DEF: () => this.SUBRULE(this.override) });
    this.CONSUME(T.RBrace);
  });

  readonly override = this.RULE("override", () => {
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.inputValue);
  });

  readonly checkDecl = this.RULE("checkDecl", () => {
    this.CONSUME(T.Check);
    this.OPTION(() => {
      this.OPTION2(() => this.CONSUME(T.Identifier));
      this.OPTION3(() => {
        this.CONSUME(T.Over);
        this.SUBRULE(this.periodRange);
      });
      this.CONSUME(T.Colon);
    });
    this.SUBRULE(this.expression);
    this.SUBRULE(this.clauses);
  });

  readonly functionDecl = this.RULE("functionDecl", () => {
    this.CONSUME(T.Function);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.LParen);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.param) });
    this.CONSUME(T.RParen);
    this.OPTION(() => this.SUBRULE(this.unitDecl));
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression);
    this.SUBRULE(this.clauses);
  });

  readonly param = this.RULE("param", () => {
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.SUBRULE(this.unitDecl));
  });

  readonly clauses = this.RULE("clauses", () => {
    this.MANY(() => this.SUBRULE(this.clause));
  });

  readonly clause = this.RULE("clause", () => {
    this.OR([
      {
        ALT: () => {
          this.OR2([
            { ALT: () => this.CONSUME(T.Label) },
            { ALT: () => this.CONSUME(T.Source) },
            { ALT: () => this.CONSUME(T.Known) },
          ]);
          this.CONSUME(T.StringTok);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Opening);
          this.SUBRULE(this.expression);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Decimals);
          this.CONSUME(T.NumberTok);
        },
      },
    ]);
  });

  readonly expression = this.RULE("expression", () => {
    this.SUBRULE(this.andExpr);
    this.MANY(() => {
      this.CONSUME(T.Or);
      this.SUBRULE2(this.andExpr);
    });
  });

  readonly andExpr = this.RULE("andExpr", () => {
    this.SUBRULE(this.notExpr);
    this.MANY(() => {
      this.CONSUME(T.And);
      this.SUBRULE2(this.notExpr);
    });
  });

  readonly notExpr = this.RULE("notExpr", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Not);
          this.SUBRULE(this.notExpr);
        },
      },
      { ALT: () => this.SUBRULE(this.comparison) },
    ]);
  });

  readonly comparison = this.RULE("comparison", () => {
    this.SUBRULE(this.additive);
    this.OPTION(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.Equals) },
        { ALT: () => this.CONSUME(T.Approx) },
        { ALT: () => this.CONSUME(T.NotEq) },
        { ALT: () => this.CONSUME(T.Less) },
        { ALT: () => this.CONSUME(T.LessEq) },
        { ALT: () => this.CONSUME(T.Greater) },
        { ALT: () => this.CONSUME(T.GreaterEq) },
      ]);
      this.SUBRULE2(this.additive);
      this.OPTION2(() => {
        this.CONSUME(T.Within);
        this.SUBRULE3(this.additive);
      });
    });
  });

  readonly additive = this.RULE("additive", () => {
    this.SUBRULE(this.multiplicative);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Plus) }, { ALT: () => this.CONSUME(T.Minus) }]);
      this.SUBRULE2(this.multiplicative);
    });
  });

  readonly multiplicative = this.RULE("multiplicative", () => {
    this.SUBRULE(this.unary);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Star) }, { ALT: () => this.CONSUME(T.Slash) }]);
      this.SUBRULE2(this.unary);
    });
  });

  readonly unary = this.RULE("unary", () => {
    this.OR([
      {
        ALT: () => {
          this.OR2([{ ALT: () => this.CONSUME(T.Minus) }, { ALT: () => this.CONSUME(T.Plus) }]);
          this.SUBRULE(this.unary);
        },
      },
      { ALT: () => this.SUBRULE(this.power) },
    ]);
  });

  readonly power = this.RULE("power", () => {
    this.SUBRULE(this.primary);
    this.OPTION(() => {
      this.CONSUME(T.Caret);
      this.SUBRULE(this.unary);
    });
  });

  readonly primary = this.RULE("primary", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.NumberTok);
          // A count unit after a plain number: `0.5 properties`.
          this.OPTION(() => this.CONSUME(T.Identifier));
        },
      },
      { ALT: () => this.CONSUME(T.Money) },
      { ALT: () => this.CONSUME(T.Percent) },
      { ALT: () => this.CONSUME(T.DateTok) },
      { ALT: () => this.CONSUME(T.OtherDate) },
      { ALT: () => this.CONSUME(T.SignAfterPound) },
      { ALT: () => this.CONSUME(T.PoundUnit) },
      { ALT: () => this.CONSUME(T.Blank) },
      { ALT: () => this.CONSUME(T.StringTok) },
      { ALT: () => this.CONSUME(T.True) },
      { ALT: () => this.CONSUME(T.False) },
      { ALT: () => this.CONSUME(T.PeriodTok) },
      { ALT: () => this.SUBRULE(this.ifExpr) },
      { ALT: () => this.SUBRULE(this.reference) },
      { ALT: () => this.SUBRULE(this.parenthesised) },
    ]);
  });

  readonly parenthesised = this.RULE("parenthesised", () => {
    this.CONSUME(T.LParen);
    this.SUBRULE(this.expression);
    this.CONSUME(T.RParen);
  });

  /** `if(c, a, b)` when the brackets after `if` hold a comma at their own level, else
   * `if c then a else b` (whose condition may itself start with a bracket). */
  readonly ifExpr = this.RULE("ifExpr", () => {
    this.CONSUME(T.If);
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          GATE: () => this.isIfCall(),
          ALT: () => {
            this.CONSUME(T.LParen);
            this.SUBRULE(this.expression);
            this.CONSUME(T.Comma);
            this.SUBRULE2(this.expression);
            this.CONSUME2(T.Comma);
            this.SUBRULE3(this.expression);
            this.CONSUME(T.RParen);
          },
        },
        {
          ALT: () => {
            this.SUBRULE4(this.expression);
            this.CONSUME(T.Then);
            this.SUBRULE5(this.expression);
            this.CONSUME(T.Else);
            this.SUBRULE6(this.expression);
          },
        },
      ],
    });
  });

  /** Looks past `if (` for a comma at the brackets' own level. Linear in the bracket's length. */
  private isIfCall(): boolean {
    if (this.LA(1).tokenType !== T.LParen) return false;
    let depth = 0;
    for (let k = 1; ; k++) {
      const type = this.LA(k).tokenType;
      if (type === EOF) return false;
      if (type === T.LParen || type === T.LBracket) depth++;
      else if (type === T.RParen || type === T.RBracket) {
        depth--;
        if (depth === 0) return false;
      } else if (type === T.Comma && depth === 1) return true;
    }
  }

  readonly reference = this.RULE("reference", () => {
    this.CONSUME(T.Identifier);
    this.OPTION(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.callArgs) },
        { ALT: () => this.SUBRULE(this.selectors) },
      ]);
    });
  });

  readonly callArgs = this.RULE("callArgs", () => {
    this.CONSUME(T.LParen);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expression) });
    this.OPTION(() => {
      this.CONSUME(T.Over);
      this.OR([{ ALT: () => this.CONSUME(T.Identifier) }, { ALT: () => this.CONSUME(T.Periods) }]);
    });
    this.CONSUME(T.RParen);
  });

  readonly selectors = this.RULE("selectors", () => {
    this.CONSUME(T.LBracket);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.selector) });
    this.CONSUME(T.RBracket);
  });

  readonly selector = this.RULE("selector", () => {
    this.OR([
      {
        ALT: () => {
          this.OR2([{ ALT: () => this.CONSUME(T.Minus) }, { ALT: () => this.CONSUME(T.Plus) }]);
          this.CONSUME(T.NumberTok);
        },
      },
      { ALT: () => this.CONSUME(T.PeriodTok) },
      { ALT: () => this.CONSUME(T.Identifier) },
    ]);
  });
}

/** The one parser instance (`performSelfAnalysis` runs once, at module load). */
const parser = new PreceptParser();

/** The CST of one declaration and the parser's errors for it. */
export interface DeclarationParse {
  readonly cst: CstNode;
  readonly errors: readonly IRecognitionException[];
}

/** Parses the tokens of one declaration. Extra tokens after a complete declaration are an error. */
export function parseDeclarationTokens(tokens: IToken[]): DeclarationParse {
  parser.input = tokens;
  const cst = parser.declaration();
  return { cst, errors: [...parser.errors] };
}

/** The serialized grammar of the parser, for `createSyntaxDiagramsCode` (grammar/README.md). */
export function grammarForDiagrams(): ReturnType<PreceptParser["getSerializedGastProductions"]> {
  return parser.getSerializedGastProductions();
}

extension OpenAPIDocument {
    /// The document's `components`: security, shared parameters, responses and schemas.
    static let components = #"""
  "components": {
    "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
    "parameters": {
      "Product": {"name": "product", "in": "path", "required": true, "description": "A product id.", "schema": {"type": "string", "minLength": 1}, "example": "__PRODUCT__"}
    },
    "responses": {
      "ChatTaken": {"description": "Taken for a coming frame (chat.shown says when it aired), or, accepted false, blocked by the manifest's chat rules.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ChatTaken"}}}},
      "Applied": {"description": "Applied: on screen from the frame at stream_time.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Applied"}}}},
      "BadRequest": {"description": "Malformed JSON, or a field that cannot be used (named in error.field).", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "Unauthorized": {"description": "Missing or wrong bearer token.", "headers": {"WWW-Authenticate": {"schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "NotFound": {"description": "No such offer or product; error.known lists the ids the show knows.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "Conflict": {"description": "Does not fit the show's state: nothing on screen, not started, over, stock not counted.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "TooLarge": {"description": "The body is over 64 KiB.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "NotKept": {"description": "Applied on screen, but the journal could not keep it (a full disk, an I/O error): a restart would not bring it back.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "Unavailable": {"description": "The show is not running yet or is ending; try again.", "headers": {"Retry-After": {"schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    },
    "schemas": {
      "Empty": {"type": "object", "additionalProperties": false},
      "ChatPost": {
        "type": "object", "additionalProperties": false, "required": ["author", "text"],
        "properties": {
          "author": {"type": "string", "minLength": 1, "maxLength": 100},
          "text": {"type": "string", "maxLength": 1000},
          "id": {"type": "string", "minLength": 1, "maxLength": 128, "description": "The message's own id, for approving, pinning or deleting it later; without one, the API makes one (api#N)."},
          "kind": {"type": "string", "enum": ["comment", "tip", "purchase"]},
          "amount": {"oneOf": [{"type": "number", "exclusiveMinimum": true, "minimum": 0, "maximum": 999999999}, {"type": "string", "pattern": "^[0-9]{1,9}(\\.[0-9]{1,4})?$"}], "description": "A tip's amount; give currency with it."},
          "currency": {"type": "string", "pattern": "^[A-Za-z]{3}$", "description": "ISO 4217, e.g. EUR."},
          "color": {"type": "string", "pattern": "^#[0-9A-Fa-f]{6}$"},
          "badges": {"type": "array", "maxItems": 16, "items": {"type": "string", "maxLength": 32}, "description": "The author's standing: broadcaster, moderator, vip, subscriber (or the platforms' names: owner, member, founder, lead_moderator); others are ignored. The most senior is marked before the name."}
        }
      },
      "Crop": {
        "type": "object", "required": ["position"], "additionalProperties": false,
        "properties": {"position": {"oneOf": [{"type": "number", "minimum": 0, "maximum": 100}, {"type": "string", "pattern": "^(left|centre|center|right|[0-9]{1,3}(\\.[0-9]{1,4})?%?)$"}], "description": "left, centre, right, or a percentage: 0 keeps the left edge, 100 the right."}}
      },
      "ChatEntry": {
        "type": "object", "required": ["chat", "source", "kind", "author", "text", "amount", "currency", "bits", "count", "badges"],
        "properties": {
          "chat": {"type": "string", "description": "The message's id: what cue chat approve, pin and hide take."},
          "source": {"type": "string"}, "kind": {"type": "string", "enum": ["comment", "tip", "purchase"]},
          "author": {"type": "string"}, "text": {"type": "string"},
          "amount": {"type": "number", "nullable": true}, "currency": {"type": "string", "nullable": true},
          "bits": {"type": "integer", "nullable": true}, "count": {"type": "integer", "description": "How many times the same words came while it was up."},
          "badges": {"type": "array", "items": {"type": "string"}},
          "shown_at": {"type": "string", "nullable": true}, "ends_at": {"type": "string", "nullable": true}
        }
      },
      "ChatTaken": {
        "type": "object", "required": ["accepted"],
        "properties": {"accepted": {"type": "boolean"}, "chat": {"type": "string", "minLength": 1, "description": "The message's id (absent for an unpin)."}, "reason": {"type": "string"}}
      },
      "Overrides": {
        "type": "object", "additionalProperties": false,
        "properties": {
          "for": {"type": "number", "exclusiveMinimum": true, "minimum": 0, "maximum": 86400, "description": "Seconds on screen."},
          "discount": {"type": "number", "minimum": 1, "maximum": 99, "description": "Percent off the list price."},
          "price": {"oneOf": [{"type": "number", "exclusiveMinimum": true, "minimum": 0, "maximum": 999999999}, {"type": "string", "pattern": "^[0-9]{1,9}(\\.[0-9]{1,4})?$"}], "description": "Sale price, below the list price. Give discount or price, not both."},
          "code": {"type": "string", "minLength": 1, "maxLength": 40, "pattern": "^[^\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]*$"},
          "quantity": {"type": "integer", "minimum": 0, "maximum": 1000000000, "description": "Sets the product's stock."}
        }
      },
      "By": {
        "type": "object", "additionalProperties": false, "required": ["by"],
        "properties": {"by": {"type": "number", "exclusiveMinimum": true, "minimum": 0, "maximum": 86400, "description": "Seconds."}}
      },
      "SetUnits": {
        "type": "object", "additionalProperties": false, "required": ["units"],
        "properties": {"units": {"type": "integer", "minimum": 0, "maximum": 1000000000}}
      },
      "SetUnitsPositive": {
        "type": "object", "additionalProperties": false, "required": ["units"],
        "properties": {"units": {"type": "integer", "minimum": 1, "maximum": 1000000000}}
      },
      "Units": {
        "type": "object", "additionalProperties": false,
        "properties": {"units": {"type": "integer", "minimum": 1, "maximum": 1000000000}}
      },
      "Banner": {
        "type": "object", "additionalProperties": false, "required": ["text"],
        "properties": {
          "text": {"type": "string", "minLength": 1, "maxLength": 200, "pattern": "^[^\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]*$"},
          "for": {"type": "number", "exclusiveMinimum": true, "minimum": 0, "maximum": 86400, "description": "Seconds on screen; without it, until cleared."}
        }
      },
      "Error": {
        "type": "object", "required": ["error"],
        "properties": {
          "error": {
            "type": "object", "required": ["status", "message"],
            "properties": {
              "status": {"type": "integer"},
              "message": {"type": "string"},
              "field": {"type": "string"},
              "known": {"type": "array", "items": {"type": "string"}}
            }
          }
        }
      },
      "Health": {
        "type": "object", "required": ["status", "running"],
        "properties": {"status": {"type": "string", "enum": ["ok"]}, "running": {"type": "boolean"}}
      },
      "Applied": {
        "type": "object", "required": ["applied", "command", "stream_time", "offset", "state"],
        "properties": {
          "applied": {"type": "boolean", "enum": [true]},
          "command": {"type": "string"},
          "stream_time": {"type": "number", "description": "Stream seconds of the first frame that shows the change."},
          "offset": {"type": "number", "description": "Show offset of that frame."},
          "state": {"$ref": "#/components/schemas/State"}
        }
      },
      "Offer": {
        "type": "object",
        "required": ["offer", "product", "name", "currency", "list_price", "list_price_text", "sale_price", "sale_price_text", "discount", "code", "stock", "url", "starts_at", "ends_at", "cued", "late", "remaining", "sold_out"],
        "properties": {
          "offer": {"type": "string"}, "product": {"type": "string"}, "name": {"type": "string"}, "currency": {"type": "string"},
          "list_price": {"type": "string"}, "list_price_text": {"type": "string"},
          "sale_price": {"type": "string"}, "sale_price_text": {"type": "string"},
          "discount": {"type": "number", "nullable": true}, "code": {"type": "string", "nullable": true},
          "stock": {"type": "integer", "nullable": true}, "url": {"type": "string", "nullable": true},
          "starts_at": {"type": "string", "nullable": true}, "ends_at": {"type": "string", "nullable": true},
          "cued": {"type": "boolean"}, "late": {"type": "boolean"},
          "remaining": {"type": "integer", "nullable": true}, "sold_out": {"type": "boolean"}
        }
      },
      "State": {
        "type": "object", "required": ["show", "offer", "next", "stock", "banners", "offers", "chat", "stream", "renditions", "destinations", "inputs"],
        "properties": {
          "show": {
            "type": "object", "required": ["title", "offset", "stream_time", "running", "over", "version"],
            "properties": {
              "title": {"type": "string"}, "offset": {"type": "number"}, "stream_time": {"type": "number"},
              "running": {"type": "boolean"}, "over": {"type": "boolean"}, "version": {"type": "integer"},
              "crop": {"type": "number", "nullable": true, "minimum": 0, "maximum": 100, "description": "Where the producer moved vertical renditions' crop (0 the left edge, 100 the right); null: where --crop-vertical put it."}
            }
          },
          "offer": {"allOf": [{"$ref": "#/components/schemas/Offer"}], "nullable": true},
          "next": {
            "type": "object", "nullable": true, "required": ["offer", "product", "name", "start", "end", "starts_at", "ends_at"],
            "properties": {
              "offer": {"type": "string"}, "product": {"type": "string"}, "name": {"type": "string"},
              "start": {"type": "number"}, "end": {"type": "number"},
              "starts_at": {"type": "string", "nullable": true}, "ends_at": {"type": "string", "nullable": true}
            }
          },
          "stock": {"type": "array", "items": {"type": "object", "required": ["product", "name", "stock"], "properties": {"product": {"type": "string"}, "name": {"type": "string"}, "stock": {"type": "integer"}}}},
          "banners": {"type": "array", "items": {"type": "object", "required": ["banner", "text", "starts_at", "ends_at"], "properties": {"banner": {"type": "string"}, "text": {"type": "string"}, "starts_at": {"type": "string", "nullable": true}, "ends_at": {"type": "string", "nullable": true}}}},
          "offers": {"type": "array", "items": {"type": "object", "required": ["offer", "product", "on_cue"], "properties": {"offer": {"type": "string"}, "product": {"type": "string"}, "on_cue": {"type": "boolean"}}}},
          "chat": {
            "type": "object", "required": ["on_screen", "pinned", "held", "not_shown"],
            "description": "The chat column: its entries oldest first (each with when it came on and goes), the pinned one, messages waiting for approval under --chat-hold (oldest first, at most 200), and how many the flood rule kept off the screen.",
            "properties": {
              "on_screen": {"type": "array", "items": {"$ref": "#/components/schemas/ChatEntry"}},
              "pinned": {"allOf": [{"$ref": "#/components/schemas/ChatEntry"}], "nullable": true},
              "held": {"type": "array", "items": {"$ref": "#/components/schemas/ChatEntry"}},
              "not_shown": {"type": "integer", "minimum": 0}
            }
          },
          "stream": {
            "type": "object", "nullable": true, "required": ["frames", "fps", "bitrate", "skipped_frames", "slate", "source"],
            "properties": {"frames": {"type": "integer"}, "fps": {"type": "number"}, "bitrate": {"type": "integer"}, "skipped_frames": {"type": "integer"},
                           "slate": {"type": "string", "nullable": true, "enum": ["break", "input-stalled", "input-lost", "input-ended", null], "description": "Why the holding slate is on air (break: the producer put it up); null when the picture is."},
                           "source": {"type": "string", "enum": ["primary", "backup"], "description": "Which input gives the picture: backup while --backup-input stands in for a lost first input."}}
          },
          "renditions": {"type": "array", "description": "Each output format (the show's own first) and its encoded video bits per second.", "items": {"type": "object", "required": ["format", "size", "bitrate"], "properties": {"format": {"type": "string"}, "size": {"type": "string"}, "bitrate": {"type": "integer"}}}},
          "destinations": {"type": "array", "items": {"type": "object", "required": ["destination", "format", "state", "sent_bytes", "sent_packets", "dropped_packets", "lag", "reconnects"], "properties": {"destination": {"type": "string"}, "format": {"type": "string", "description": "The output format feeding it (-t FORMAT:DEST), or the show's own."}, "state": {"type": "string", "enum": ["connecting", "live", "degraded", "retrying", "failed", "finished", "stopped"]}, "sent_bytes": {"type": "integer"}, "sent_packets": {"type": "integer"}, "dropped_packets": {"type": "integer"}, "lag": {"type": "number"}, "reconnects": {"type": "integer"}}}},
          "inputs": {"type": "array", "items": {"type": "object", "required": ["input", "health"], "properties": {"input": {"type": "string"}, "health": {"type": "string", "enum": ["live", "stalled", "lost", "retrying", "ended", "failed"]}}}}
        }
      }
    }
  }
}
"""#
}

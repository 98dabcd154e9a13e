import ShopcastCore

/// The control API described in OpenAPI 3.0, served at `GET /v1/openapi.json`. The test suite
/// runs schemathesis against a live go-live with it, so it says exactly what the server does:
/// every path, method, field and status.
enum OpenAPIDocument {
    /// The document for a show: its first offer and product are the path parameters' examples.
    static func json(for manifest: Manifest) -> String {
        var text = template
        for (placeholder, id) in [("__OFFER__", manifest.offers.first?.id), ("__PRODUCT__", manifest.productOrder.first)] {
            if let id {
                text = text.replacingOccurrences(of: "\"\(placeholder)\"", with: JSONValue.string(id).rendered)
            } else {
                text = text.replacingOccurrences(of: ", \"example\": \"\(placeholder)\"", with: "")
            }
        }
        return text
    }

    static let template = #"""
{
  "openapi": "3.0.3",
  "info": {
    "title": "shopcast control API",
    "version": "1",
    "description": "Steer a running 'shopcast go-live': cue offers, end or extend them, set stock, show banners, read the show's state and metrics, follow its events. Commands are applied between two frames; an accepted one answers with the stream time of the frame it first shows on. Every request but /health needs 'Authorization: Bearer TOKEN' when go-live was given a token."
  },
  "security": [{"bearer": []}],
  "paths": {
    "/health": {
      "get": {
        "summary": "Liveness check (no token needed).",
        "operationId": "health",
        "security": [],
        "responses": {
          "200": {"description": "The server answers.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Health"}}}}
        }
      }
    },
    "/metrics": {
      "get": {
        "summary": "The run in Prometheus' text format.",
        "operationId": "metrics",
        "responses": {
          "200": {"description": "Prometheus text exposition format 0.0.4.", "content": {"text/plain": {"schema": {"type": "string"}}}},
          "401": {"$ref": "#/components/responses/Unauthorized"}
        }
      }
    },
    "/v1/state": {
      "get": {
        "summary": "The show's state: live offer, next offer, stock, banners, destinations, inputs, stream.",
        "operationId": "state",
        "responses": {
          "200": {"description": "The state as of the last frame.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/State"}}}},
          "401": {"$ref": "#/components/responses/Unauthorized"}
        }
      }
    },
    "/v1/openapi.json": {
      "get": {
        "summary": "This document.",
        "operationId": "openapi",
        "responses": {
          "200": {"description": "OpenAPI 3.0 document.", "content": {"application/json": {"schema": {"type": "object"}}}},
          "401": {"$ref": "#/components/responses/Unauthorized"}
        }
      }
    },
    "/v1/events": {
      "get": {
        "summary": "The live event stream: server-sent events, or a WebSocket when the request asks to upgrade (one JSON event per text message).",
        "operationId": "events",
        "responses": {
          "200": {"description": "text/event-stream, one 'data:' line per event, in the --events dialect.", "content": {"text/event-stream": {"schema": {"type": "string"}}}},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/v1/offers/{id}/cue": {
      "post": {
        "summary": "Put an offer on screen now, by offer id or product id, with optional overrides for this airing.",
        "operationId": "cueOffer",
        "parameters": [{"name": "id", "in": "path", "required": true, "description": "An offer id, or a product id (its next offer not yet shown, else its last one, else a plain card at its list price).", "schema": {"type": "string", "minLength": 1}, "example": "__OFFER__"}],
        "requestBody": {"required": false, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Overrides"}}}},
        "responses": {
          "200": {"$ref": "#/components/responses/Applied"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"$ref": "#/components/responses/Conflict"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "500": {"$ref": "#/components/responses/NotKept"}
        }
      }
    },
    "/v1/offers/next": {
      "post": {
        "summary": "Start the next scheduled offer now, with its own length (or the overrides').",
        "operationId": "nextOffer",
        "requestBody": {"required": false, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Overrides"}}}},
        "responses": {
          "200": {"$ref": "#/components/responses/Applied"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"$ref": "#/components/responses/Conflict"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "500": {"$ref": "#/components/responses/NotKept"}
        }
      }
    },
    "/v1/offers/end": {
      "post": {
        "summary": "Take the live offer off the screen now.",
        "operationId": "endOffer",
        "requestBody": {"required": false, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Empty"}}}},
        "responses": {
          "200": {"$ref": "#/components/responses/Applied"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "409": {"$ref": "#/components/responses/Conflict"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "500": {"$ref": "#/components/responses/NotKept"}
        }
      }
    },
    "/v1/offers/extend": {
      "post": {
        "summary": "Keep the live offer on screen longer. Scheduled offers that come due meanwhile wait for it, then run for what is left of their slot.",
        "operationId": "extendOffer",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/By"}}}},
        "responses": {
          "200": {"$ref": "#/components/responses/Applied"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "409": {"$ref": "#/components/responses/Conflict"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "500": {"$ref": "#/components/responses/NotKept"}
        }
      }
    },
    "/v1/offers/shorten": {
      "post": {
        "summary": "End the live offer earlier (now, if shortened past the present).",
        "operationId": "shortenOffer",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/By"}}}},
        "responses": {
          "200": {"$ref": "#/components/responses/Applied"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "409": {"$ref": "#/components/responses/Conflict"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "500": {"$ref": "#/components/responses/NotKept"}
        }
      }
    },
    "/v1/stock/{product}": {
      "put": {
        "summary": "Set a product's stock. At 0 its card shows SOLD OUT on the next frame.",
        "operationId": "setStock",
        "parameters": [{"$ref": "#/components/parameters/Product"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SetUnits"}}}},
        "responses": {
          "200": {"$ref": "#/components/responses/Applied"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"$ref": "#/components/responses/Conflict"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "500": {"$ref": "#/components/responses/NotKept"}
        }
      }
    },
    "/v1/stock/{product}/sold": {
      "post": {
        "summary": "Take units off a product's stock (the shop posts each sale); 1 without a body. The stock stops at 0.",
        "operationId": "sold",
        "parameters": [{"$ref": "#/components/parameters/Product"}],
        "requestBody": {"required": false, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Units"}}}},
        "responses": {
          "200": {"$ref": "#/components/responses/Applied"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"$ref": "#/components/responses/Conflict"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "500": {"$ref": "#/components/responses/NotKept"}
        }
      }
    },
    "/v1/stock/{product}/restock": {
      "post": {
        "summary": "Add units to a product's stock.",
        "operationId": "restock",
        "parameters": [{"$ref": "#/components/parameters/Product"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SetUnitsPositive"}}}},
        "responses": {
          "200": {"$ref": "#/components/responses/Applied"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"$ref": "#/components/responses/Conflict"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "500": {"$ref": "#/components/responses/NotKept"}
        }
      }
    },
    "/v1/stock/{product}/sold-out": {
      "post": {
        "summary": "Mark a product sold out (stock 0).",
        "operationId": "soldOut",
        "parameters": [{"$ref": "#/components/parameters/Product"}],
        "requestBody": {"required": false, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Empty"}}}},
        "responses": {
          "200": {"$ref": "#/components/responses/Applied"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {"$ref": "#/components/responses/Conflict"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "500": {"$ref": "#/components/responses/NotKept"}
        }
      }
    },
    "/v1/banners": {
      "post": {
        "summary": "A banner now, for a length in seconds or until banners are cleared.",
        "operationId": "showBanner",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Banner"}}}},
        "responses": {
          "200": {"$ref": "#/components/responses/Applied"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "409": {"$ref": "#/components/responses/Conflict"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "500": {"$ref": "#/components/responses/NotKept"}
        }
      },
      "delete": {
        "summary": "Take every banner off the screen (repeating ones come back at their next time).",
        "operationId": "clearBanners",
        "requestBody": {"required": false, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Empty"}}}},
        "responses": {
          "200": {"$ref": "#/components/responses/Applied"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "409": {"$ref": "#/components/responses/Conflict"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "500": {"$ref": "#/components/responses/NotKept"}
        }
      }
    },
    "/v1/chat": {
      "post": {
        "summary": "A comment, tip or purchase on the chat column (the shop's backend announcing a sale, a payment provider's tip): the object a --chat JSON line holds, cleaned by the manifest's chat rules, shown on a coming frame if the flood rule lets it.",
        "operationId": "postChat",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ChatPost"}}}},
        "responses": {
          "202": {"$ref": "#/components/responses/ChatTaken"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/v1/chat/{id}/approve": {
      "post": {
        "summary": "Put a held message on screen (go-live --chat-hold).",
        "operationId": "approveChat",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "minLength": 1}}],
        "requestBody": {"required": false, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Empty"}}}},
        "responses": {
          "202": {"$ref": "#/components/responses/ChatTaken"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/v1/chat/{id}/pin": {
      "post": {
        "summary": "Pin a message above the chat column until unpinned: the question the host answers.",
        "operationId": "pinChat",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "minLength": 1}}],
        "requestBody": {"required": false, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Empty"}}}},
        "responses": {
          "202": {"$ref": "#/components/responses/ChatTaken"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/v1/chat/pin": {
      "delete": {
        "summary": "Unpin the pinned chat message.",
        "operationId": "unpinChat",
        "requestBody": {"required": false, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Empty"}}}},
        "responses": {
          "202": {"$ref": "#/components/responses/ChatTaken"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/v1/chat/{id}": {
      "delete": {
        "summary": "Take a chat message off the screen (a moderator's deletion), by the id it was posted with.",
        "operationId": "deleteChat",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "minLength": 1}}],
        "requestBody": {"required": false, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Empty"}}}},
        "responses": {
          "202": {"$ref": "#/components/responses/ChatTaken"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"}
        }
      }
    },
    "/v1/slate": {
      "post": {
        "summary": "Put the holding slate up: a break. It covers the picture, over silence, until taken down.",
        "operationId": "slateOn",
        "requestBody": {"required": false, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Empty"}}}},
        "responses": {
          "200": {"$ref": "#/components/responses/Applied"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "409": {"$ref": "#/components/responses/Conflict"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "500": {"$ref": "#/components/responses/NotKept"}
        }
      },
      "delete": {
        "summary": "Take the producer's holding slate down: the picture is back (unless the input itself is lost).",
        "operationId": "slateOff",
        "requestBody": {"required": false, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Empty"}}}},
        "responses": {
          "200": {"$ref": "#/components/responses/Applied"},
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "409": {"$ref": "#/components/responses/Conflict"},
          "413": {"$ref": "#/components/responses/TooLarge"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "500": {"$ref": "#/components/responses/NotKept"}
        }
      }
    }
  },
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
          "color": {"type": "string", "pattern": "^#[0-9A-Fa-f]{6}$"}
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
        "type": "object", "required": ["show", "offer", "next", "stock", "banners", "offers", "stream", "destinations", "inputs"],
        "properties": {
          "show": {
            "type": "object", "required": ["title", "offset", "stream_time", "running", "over", "version"],
            "properties": {
              "title": {"type": "string"}, "offset": {"type": "number"}, "stream_time": {"type": "number"},
              "running": {"type": "boolean"}, "over": {"type": "boolean"}, "version": {"type": "integer"}
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
          "stream": {
            "type": "object", "nullable": true, "required": ["frames", "fps", "bitrate", "skipped_frames", "slate", "source"],
            "properties": {"frames": {"type": "integer"}, "fps": {"type": "number"}, "bitrate": {"type": "integer"}, "skipped_frames": {"type": "integer"},
                           "slate": {"type": "string", "nullable": true, "enum": ["break", "input-stalled", "input-lost", "input-ended", null], "description": "Why the holding slate is on air (break: the producer put it up); null when the picture is."},
                           "source": {"type": "string", "enum": ["primary", "backup"], "description": "Which input gives the picture: backup while --backup-input stands in for a lost first input."}}
          },
          "destinations": {"type": "array", "items": {"type": "object", "required": ["destination", "state", "sent_bytes", "sent_packets", "dropped_packets", "lag", "reconnects"], "properties": {"destination": {"type": "string"}, "state": {"type": "string", "enum": ["connecting", "live", "degraded", "retrying", "failed", "finished", "stopped"]}, "sent_bytes": {"type": "integer"}, "sent_packets": {"type": "integer"}, "dropped_packets": {"type": "integer"}, "lag": {"type": "number"}, "reconnects": {"type": "integer"}}}},
          "inputs": {"type": "array", "items": {"type": "object", "required": ["input", "health"], "properties": {"input": {"type": "string"}, "health": {"type": "string", "enum": ["live", "stalled", "lost", "retrying", "ended", "failed"]}}}}
        }
      }
    }
  }
}
"""#
}

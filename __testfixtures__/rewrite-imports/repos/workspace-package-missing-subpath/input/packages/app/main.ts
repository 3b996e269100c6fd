import { u } from '@acme/core/util';
import { h } from "@acme/core/http";
